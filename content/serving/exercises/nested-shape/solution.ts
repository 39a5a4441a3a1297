function shapeOf(value: unknown): number[] | null {
  if (typeof value === "number") return Number.isFinite(value) ? [] : null;
  if (!Array.isArray(value)) return null;
  if (value.length === 0) return [0];
  const shapes = value.map(shapeOf);
  const first = shapes[0];
  if (!first || shapes.some((s) => s === null || s.join() !== first.join())) return null;
  return [value.length, ...first];
}
