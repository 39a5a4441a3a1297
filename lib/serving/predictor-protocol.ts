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
  /**
   * The output as flat row-major values: a typed array crosses the IPC channel
   * as one copy of its bytes, and the web server checks its length against
   * `outputShape` and the caps before nesting it for JSON (predictions.ts).
   */
  | { type: "predictions"; values: Float32Array; outputShape: number[] }
  /** The output has (or would have) more numbers than SERVING_LIMITS allow; its values were never read. */
  | { type: "too-large"; outputShape: number[] }
  /** The model could not be loaded or run; `message` is TensorFlow.js's, for the learner. */
  | { type: "refused"; message: string }
  /** The process was lost (memory, time, crash); `message` says which. */
  | { type: "lost"; message: string };
