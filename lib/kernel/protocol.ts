/**
 * The one message protocol between the lesson page and the kernel worker.
 *
 * TRUST BOUNDARY: the worker runs learner code, which may be hostile and can
 * post any message it likes on this channel. The page treats every message
 * from the kernel as untrusted data: text is rendered as text, images as
 * pixels on a canvas, charts as numbers; nothing is ever parsed as HTML or run.
 */

import type { TestSuite } from "@/lib/cell-runtime/run-tests";
import type { ValueOutput } from "@/lib/cell-runtime/format-value";
import type { TestResult } from "@/lib/cell-runtime/verdict";
import { WORKLOADS, type Workload } from "@/lib/workload";

export type Backend = "webgpu" | "webgl" | "wasm" | "cpu";
export const BACKENDS: readonly Backend[] = ["webgpu", "webgl", "wasm", "cpu"];

/** Page → kernel. */
export type KernelRequest =
  | {
      type: "init";
      /** The site's origin, for fetching the wasm backend's files and datasets. */
      assetBase: string;
      /** The backend to start: the learner's choice, or the calibrated one for the lesson's workload. */
      backend?: Backend;
      /** What the lesson trains: without a backend to start, the kernel tries the usual fastest for it first. */
      workload: Workload;
    }
  /** Times every backend on each workload (calibration.ts); asked of a kernel that runs no cells, since it switches backends. */
  | { type: "calibrate"; runId: number; workloads: Workload[] }
  /** Runs a cell; with `tests` (an exercise's public tests), then checks the learner's functions (Check). */
  | { type: "run"; runId: number; cellId: string; code: string; tests?: TestSuite[] }
  /** A drawing finished on a sketch pad: `pixels` is size × size grey levels in [0, 1], row by row. */
  | { type: "sketch"; runId: number; sketchId: string; pixels: Float32Array }
  /** The page's answer to a "storage" event; handled at once, not queued behind the cell waiting for it. */
  | { type: "storage-reply"; requestId: number; reply: StorageReply };

/** Kernel → page. */
export type KernelEvent =
  | { type: "ready"; backend: Backend; available: Backend[]; startup: StartupTimes }
  | { type: "calibrated"; runId: number; calibration: Calibration }
  | { type: "output"; runId: number; output: CellOutput }
  | { type: "checked"; runId: number; tests: TestResult[] }
  | { type: "done"; runId: number; ok: boolean; memory: MemoryInfo }
  | { type: "memory"; memory: MemoryInfo }
  /**
   * tf.io's "indexeddb://" from a cell: the kernel's opaque origin has no
   * storage, so the page keeps the models in its own IndexedDB.
   */
  | { type: "storage"; requestId: number; request: StorageRequest };

/** A saved model as tfjs hands it to a save handler, its weights in one buffer. */
export type StoredModel = {
  /** tfjs's ModelArtifacts: topology, weight specs, weightData (one ArrayBuffer) and metadata. */
  artifacts: Record<string, unknown> & { weightData: ArrayBuffer };
  /** tfjs's ModelArtifactsInfo, what tf.io.listModels() reports. */
  info: Record<string, unknown>;
};

export type StorageRequest =
  | { op: "save"; path: string; model: StoredModel }
  | { op: "load"; path: string }
  | { op: "list" }
  | { op: "remove"; path: string };

export type StorageReply =
  /** `model` for load; `models` (path → tfjs's ModelArtifactsInfo) for list, and for remove the one removed. */
  | { ok: true; model?: StoredModel; models?: Record<string, Record<string, unknown>> }
  | { ok: false; error: string };

export { WORKLOADS, type Workload } from "@/lib/workload";

/** Per workload, the fastest backend and each backend's time for one training step (absent: it cannot run it). */
export type Calibration = Partial<Record<Workload, { backend: Backend; millisecondsPerStep: Partial<Record<Backend, number>> }>>;

/**
 * A calibration from somewhere the page does not trust (a kernel's message,
 * the browser's storage): only known workloads and backends, with finite
 * times; undefined when nothing in it is usable.
 */
export function parseCalibration(value: unknown): Calibration | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const valid: Calibration = {};
  for (const workload of WORKLOADS) {
    const entry = (value as Record<string, { backend?: unknown; millisecondsPerStep?: Record<string, unknown> } | undefined>)[workload];
    const backend = BACKENDS.find((b) => b === entry?.backend);
    if (!backend) continue;
    const times = BACKENDS.flatMap((b) => {
      const t = entry?.millisecondsPerStep?.[b];
      return typeof t === "number" && Number.isFinite(t) && t >= 0 ? [[b, t] as const] : [];
    });
    valid[workload] = { backend, millisecondsPerStep: Object.fromEntries(times) };
  }
  return Object.keys(valid).length > 0 ? valid : undefined;
}

/**
 * When each part of a kernel's start-up ended (epoch milliseconds, comparable
 * with the page's clock): the page marks them for the browser's performance
 * tools and for `npm run bench:kernel`.
 */
export type StartupTimes = {
  /** The worker was created; its scripts began to download. */
  workerCreatedAt: number;
  /** Its scripts were downloaded and parsed, and began to run. */
  scriptsLoadedAt: number;
  /** TensorFlow.js (without a backend) had run its set-up. */
  tfEvaluatedAt: number;
  /** A backend was loaded, started and ready. */
  backendReadyAt: number;
};

export type MemoryInfo = { numTensors: number; numBytes: number };

export type LogLevel = "log" | "info" | "warn" | "error";

export type ChartSpec = { id: string; title?: string; xLabel: string; series: string[] };

/**
 * The most a scatter plot or a heat map shows (beyond this, labels overlap and
 * the page slows down): the kernel refuses more, and the page cuts any more a
 * hostile frame sends.
 */
export const PLOT_LIMITS = { points: 2000, cells: 64, label: 40, title: 100 };

/** One point of a scatter plot; points of the same group share a marker. */
export type ScatterPoint = { x: number; y: number; label?: string; group?: string };

/** One piece of a cell's output, in the order it was produced. */
export type CellOutput =
  | { kind: "log"; level: LogLevel; text: string }
  | ValueOutput
  | { kind: "error"; name: string; message: string; line?: number; column?: number }
  | { kind: "chart"; chart: ChartSpec }
  /** New points for a chart already shown: one x value and one y value per series (null for a gap). */
  | { kind: "chart-points"; id: string; points: Array<{ x: number; y: Array<number | null> }> }
  | { kind: "image"; width: number; height: number; pixels: Uint8ClampedArray; label?: string; scale: number }
  | { kind: "table"; columns: string[]; rows: string[][] }
  | { kind: "scatter"; title?: string; xLabel: string; yLabel: string; points: ScatterPoint[] }
  /** A matrix as coloured cells, `rows` and `columns` naming them (e.g. tokens); values outside min..max are clamped. */
  | { kind: "heatmap"; title?: string; rows: string[]; columns: string[]; values: number[][]; min: number; max: number }
  | { kind: "progress"; id: string; value: number; max: number; label?: string }
  /** A drawing pad; each finished stroke is sent back to the kernel as a "sketch" request. */
  | { kind: "sketch"; id: string; size: number; label?: string }
  /** Files a cell offers for download (tf.io's "downloads://"); the page always serves them as downloads, never opens them. */
  | { kind: "files"; label: string; files: Array<{ name: string; bytes: ArrayBuffer }> };
