/**
 * A predictor's flat answer as TensorFlow Serving's nested "predictions":
 * one element per instance, each nested like the model's output. Runs in the
 * web server, so it is only given answers whose size was checked
 * (output-bounds.ts), and it refuses values that do not fill the shape.
 */
export function nestValues(values: ArrayLike<number>, shape: readonly number[]): unknown[] {
  const size = shape.reduce((n, d) => n * d, 1);
  if (shape.length === 0 || !shape.every((d) => Number.isInteger(d) && d >= 0) || values.length !== size) {
    throw new Error(`a predictor answered ${values.length} values for the output shape [${shape.join(", ")}]`);
  }
  // strides[i]: how many values one step along dimension i skips.
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((n, d) => n * d, 1));
  const last = shape.length - 1;
  const build = (depth: number, offset: number): unknown[] =>
    Array.from({ length: shape[depth]! }, (_, i) => (depth === last ? values[offset + i] : build(depth + 1, offset + i * strides[depth]!)));
  return build(0, 0);
}
