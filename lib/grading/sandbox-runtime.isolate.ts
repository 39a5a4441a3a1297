/**
 * What every grading isolate starts with (bundled by `npm run assets` into
 * .processes/sandbox-runtime.js): TensorFlow.js core (ops, gradients,
 * optimizers; no layers yet) with its pure-JavaScript cpu backend, a capped console, and the harness the grader drives the
 * learner's code through.
 *
 * TRUST BOUNDARY: this runs in the same isolate as the learner's code, which
 * may replace anything here after it starts. That is why nothing here
 * decides a score: the grader holds references to these functions taken
 * before learner code ran, and checks every answer outside the isolate.
 */
import "./sandbox-prelude";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops";
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import "@tensorflow/tfjs-backend-cpu";
import { formatForLog } from "@/lib/cell-runtime/format-value";
import { callLearnerFunction, describeThrown, SUBMISSION_FILE, type CallOutcome } from "@/lib/cell-runtime/learner-call";
import type { Value } from "@/lib/cell-runtime/values";

const MAX_LOG_CHARACTERS = 20_000;

/** An isolate has no TextEncoder; tfjs needs UTF-8 only for string tensors. */
function encodeUtf8(text: string): Uint8Array {
  const binary = unescape(encodeURIComponent(text));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
function decodeUtf8(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return decodeURIComponent(escape(binary));
}

// No network and no timers: the platform gives tfjs only a clock and text encoding.
tf.setPlatform("descent-sandbox", {
  fetch: () => Promise.reject(new Error("there is no network in the grader")),
  now: () => Date.now(),
  encode: encodeUtf8,
  decode: decodeUtf8,
  isTypedArray: (value: unknown): value is Float32Array | Int32Array | Uint8Array | Uint8ClampedArray =>
    ArrayBuffer.isView(value) && !(value instanceof DataView),
} as unknown as Parameters<typeof tf.setPlatform>[1]);
void tf.setBackend("cpu");

let logs = "";
let dropped = 0;
/**
 * The output as it was when the first hidden test started (see `seal`).
 * From then on nothing is recorded, not even a count: whatever a hidden
 * test's call, or a promise it left behind, prints must not come back.
 */
let sealed: string | undefined;
const log = (...args: unknown[]) => {
  if (sealed !== undefined) return;
  if (logs.length >= MAX_LOG_CHARACTERS) {
    dropped += 1;
    return;
  }
  logs += `${args.map((arg) => formatForLog(arg)).join(" ")}\n`.slice(0, MAX_LOG_CHARACTERS - logs.length);
};

const output = () => (dropped > 0 ? `${logs}… (${dropped} more lines not shown)\n` : logs);

const scope = globalThis as unknown as Record<string, unknown>;
scope.console = { log, info: log, warn: log, error: log, debug: log };
scope.tf = tf;

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (body: string) => () => Promise<unknown>;

// The isolate's memory limit counts its heap and ArrayBuffers, not WebAssembly
// memories (a 600 MB one once passed under a 128 MiB limit), and nothing here
// needs shared memory: learner code gets none of them.
for (const name of ["WebAssembly", "SharedArrayBuffer", "Atomics"]) {
  if (!delete scope[name]) throw new Error(`the sandbox could not remove ${name}`);
}

scope.__descentHarness = {
  /** Runs the learner's prepared code (top level), which defines their functions. */
  async run(body: string): Promise<CallOutcome> {
    try {
      await new AsyncFunction(body).call(undefined);
      return { ok: true, value: undefined };
    } catch (error) {
      return { ok: false, ...describeThrown(error, "your code threw", SUBMISSION_FILE) };
    }
  },
  call(name: string, args: Value[]): Promise<CallOutcome> {
    return callLearnerFunction(scope, name, args, tf, SUBMISSION_FILE);
  },
  logs(): string {
    return sealed ?? output();
  },
  /** Called by the grader just before the first hidden test: the output so far, and none after it. */
  seal(): string {
    sealed ??= output();
    return sealed;
  },
};
