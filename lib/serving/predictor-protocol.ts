/** Jobs for a predictor process (predictor.process.ts) and its answers, over the process pool's IPC channel. */
import type { Batch } from "./instances";
import type { ModelArtifacts } from "./model-files";

export type Shape = Array<number | null>;

export type PredictorJob =
  /** Loads a model once to check it (at upload) and report its shapes. */
  | { type: "inspect"; artifacts: ModelArtifacts }
  /** Without `artifacts`, answered from the process's cache or with "need-model". */
  | { type: "predict"; modelId: string; artifacts?: ModelArtifacts; batch: Batch };

export type PredictorResult =
  | { type: "inspected"; inputShape: Shape; outputShape: Shape; parameters: number }
  | { type: "need-model" }
  | { type: "predictions"; predictions: unknown[]; outputShape: number[] }
  /** The model could not be loaded or run; `message` is TensorFlow.js's, for the learner. */
  | { type: "refused"; message: string }
  /** The process was lost (memory, time, crash); `message` says which. */
  | { type: "lost"; message: string };
