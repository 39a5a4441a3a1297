/**
 * How many numbers a served model may answer with (SERVING_LIMITS'
 * outputValuesPerInstance and outputValuesPerResponse), checked three times:
 * at upload, from the shape the predictor inspected; in the predictor, from
 * the output tensor's shape before its values are read; and in the web server
 * before it builds the JSON. Used on both sides of the process boundary, so
 * nothing here is server-only.
 */
import { show } from "./instances";
import { SERVING_LIMITS } from "./limits";
import type { Shape } from "./predictor-protocol";

const count = (n: number) => n.toLocaleString("en");

/**
 * Numbers in one instance's output: the product of every dimension after the
 * batch. Open (null) dimensions are left out of the product, so for them
 * `values` is a lower bound; `open` says whether there were any.
 */
export function valuesPerInstance(shape: Shape): { values: number; open: boolean } {
  const dims = shape.slice(1);
  return { values: dims.reduce<number>((n, d) => n * (d ?? 1), 1), open: dims.some((d) => d === null) };
}

/**
 * Why a model with this output shape (batch first, as the predictor inspects
 * it at upload) may not be served, or undefined. An open dimension is sized by
 * the input at run time (a sequence's length, an image's height), so it cannot
 * be refused here without refusing every variable-length model; it is counted
 * as 1 and the run-time check bounds the rest.
 */
export function uploadOutputProblem(outputShape: Shape): string | undefined {
  const { values, open } = valuesPerInstance(outputShape);
  if (values <= SERVING_LIMITS.outputValuesPerInstance) return undefined;
  const amount = open ? `at least ${count(values)} numbers per instance (its output shape is ${show(outputShape)}, counting each null dimension as 1)` : `${count(values)} numbers per instance (its output shape is ${show(outputShape)})`;
  return `This model answers ${amount}; a served model may answer at most ${count(SERVING_LIMITS.outputValuesPerInstance)}. Make its output smaller (fewer units, a smaller repeatVector or upSampling) and upload it again.`;
}

/**
 * Why an output of this shape (the batch first, every dimension known: a
 * tensor's shape) may not be sent back, or undefined.
 */
export function responseOutputProblem(shape: readonly number[]): string | undefined {
  const instances = shape[0] ?? 1;
  const { values: perInstance } = valuesPerInstance([...shape]);
  if (perInstance > SERVING_LIMITS.outputValuesPerInstance) {
    return `For this input the model answers ${count(perInstance)} numbers per instance (output shape ${show(shape)}); a served model may answer at most ${count(SERVING_LIMITS.outputValuesPerInstance)}. Send smaller instances.`;
  }
  const total = instances * perInstance;
  if (total > SERVING_LIMITS.outputValuesPerResponse) {
    const fits = Math.floor(SERVING_LIMITS.outputValuesPerResponse / perInstance);
    return `${count(instances)} instances make ${count(total)} output numbers (${count(perInstance)} each); a response may hold at most ${count(SERVING_LIMITS.outputValuesPerResponse)}. Send at most ${count(fits)} instances per request.`;
  }
  return undefined;
}
