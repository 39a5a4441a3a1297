/**
 * Checks a prediction request's instances against the model's input shape
 * before anything runs, the way TensorFlow Serving's REST API takes them:
 * `{"instances": [x₁, x₂, …]}`, each xᵢ a nested array shaped like one input.
 * Returns them as one flat batch; an error names the first instance that is wrong and how.
 */
import { SERVING_LIMITS } from "./limits";

export class InstancesError extends Error {}

/** A batch ready for tf.tensor(data, shape). */
export type Batch = { data: Float32Array; shape: number[] };

/** `inputShape` as Keras reports it: the batch dimension first, null where any size goes. */
export function readInstances(instances: unknown, inputShape: Array<number | null>): Batch {
  if (!Array.isArray(instances) || instances.length === 0) {
    throw new InstancesError('"instances" must be a non-empty array with one model input per element, e.g. {"instances": [x]}.');
  }
  if (instances.length > SERVING_LIMITS.batch) throw new InstancesError(`At most ${SERVING_LIMITS.batch} instances per request; this one has ${instances.length}.`);
  const wanted = inputShape.slice(1);
  const first = shapeOf(instances[0]);
  // Dimensions the model leaves open (null) take the first instance's size; every instance must then agree.
  const instanceShape = wanted.map((size, i) => size ?? first[i] ?? -1);
  instances.forEach((instance, index) => {
    const shape = shapeOf(instance);
    if (shape.length !== instanceShape.length || shape.some((d, i) => d !== instanceShape[i])) {
      throw new InstancesError(
        `instances[${index}] has shape ${show(shape)}; this model takes ${show(wanted)} per instance (its input shape is ${show(inputShape)}, the first dimension being the batch).`,
      );
    }
  });
  const size = instanceShape.reduce((n, d) => n * d, 1);
  const data = new Float32Array(instances.length * size);
  instances.forEach((instance, index) => flatten(instance, `instances[${index}]`, data, index * size));
  return { data, shape: [instances.length, ...instanceShape] };
}

/** The shape implied by the first element at each depth; flatten() checks the rest. */
function shapeOf(value: unknown): number[] {
  const shape: number[] = [];
  while (Array.isArray(value)) {
    shape.push(value.length);
    value = value[0];
  }
  return shape;
}

/** Writes a nested array's numbers into `out` row by row; returns the next offset. */
function flatten(value: unknown, path: string, out: Float32Array, offset: number): number {
  if (Array.isArray(value)) {
    const inner = shapeOf(value[0]).join(",");
    value.forEach((item, i) => {
      if (shapeOf(item).join(",") !== inner) throw new InstancesError(`${path}[${i}] has shape ${show(shapeOf(item))}, unlike ${path}[0]: an instance must be a rectangular array.`);
      offset = flatten(item, `${path}[${i}]`, out, offset);
    });
    return offset;
  }
  if (typeof value !== "number" || !Number.isFinite(value)) throw new InstancesError(`${path} is ${JSON.stringify(value) ?? String(value)}, not a finite number.`);
  out[offset] = value;
  return offset + 1;
}

/** A shape as messages show it: [null, 28, 28, 1]. */
export const show = (shape: ReadonlyArray<number | null>) => `[${shape.map((d) => (d === null ? "null" : d)).join(", ")}]`;
