/**
 * The kind of model a lesson's cells train, read from their code: it picks
 * the backend the lesson's kernel starts on, the fastest calibrated one for
 * that workload (lib/kernel/calibration.ts). A lesson that trains a
 * convolution must never start on a backend that cannot train one.
 */

/** The kinds of model the course trains; calibration times each on its own. */
export type Workload = "dense" | "conv" | "sequence";
export const WORKLOADS: readonly Workload[] = ["dense", "conv", "sequence"];

/** Layers and ops whose training needs the conv2d gradients (which tfjs-backend-wasm lacks). */
const CONV = /\b(conv[123]d|conv2dTranspose|separableConv2d|depthwiseConv2d|maxPooling2d|averagePooling2d)\b/;
/** Embeddings, recurrent layers and gathers: the gather gradient (UnsortedSegmentSum, also missing in wasm). */
const SEQUENCE = /\b(embedding|gather|simpleRNN|lstm|gru|oneHot)\b/i;

export function workloadOf(sources: readonly string[]): Workload {
  const code = sources.join("\n");
  if (CONV.test(code)) return "conv";
  if (SEQUENCE.test(code)) return "sequence";
  return "dense";
}
