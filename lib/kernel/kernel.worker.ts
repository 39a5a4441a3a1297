/**
 * The notebook kernel: a Web Worker, created by the kernel frame, that runs
 * learner code with TensorFlow.js.
 *
 * TRUST BOUNDARY: everything here runs next to learner code, on another site
 * than Descent's (the kernel's own origin, or the opaque origin of the
 * sandboxed fallback: lib/kernel-placement.ts), so it cannot read the site's
 * cookies, storage or page. It talks to the page only through the
 * MessagePort the page handed over.
 */
// First: its clock marks when the worker's scripts had loaded, before TensorFlow.js is evaluated.
import { scriptsLoadedAt } from "./worker-clock";
import { loadBackend, setWasmBinaries, tf } from "./tfjs";
import { timeWorkloads } from "./calibration";
import { createData, fetchAssets } from "./datasets";
import { createDisplay, type SketchCallback } from "./display";
import { describeValue, formatForLog } from "@/lib/cell-runtime/format-value";
import { CellSyntaxError, prepareCell } from "@/lib/cell-runtime/prepare-cell";
import { installModelStorage, pageStorage } from "./model-storage";
import { locateInStack } from "@/lib/cell-runtime/stack-location";
import { callLearnerFunction } from "@/lib/cell-runtime/learner-call";
import { failAll, runTests } from "@/lib/cell-runtime/run-tests";
import type { Backend, CellOutput, KernelEvent, KernelRequest, LogLevel, MemoryInfo, StartupTimes, Workload } from "./protocol";

/** When TensorFlow.js (without a backend) was ready: the rest of the start-up is the backend's. */
const tfEvaluatedAt = performance.timeOrigin + performance.now();

// The worker global: learner code sees `tf`, `display` and `data` on it.
const scope = self as unknown as Record<string, unknown> & { addEventListener: typeof addEventListener };
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...parameters: string[]) => (...args: unknown[]) => Promise<unknown>;

let port: MessagePort | undefined;
/** The run whose output console.log and display calls belong to (async callbacks may outlive their cell). */
let currentRunId = 0;

function send(event: KernelEvent, transfer: Transferable[] = []) {
  port?.postMessage(event, transfer);
}
function emit(output: CellOutput, transfer: Transferable[] = []) {
  send({ type: "output", runId: currentRunId, output }, transfer);
}
const storage = pageStorage((requestId, request) => send({ type: "storage", requestId, request }));
installModelStorage(tf, storage.ask, (output) => emit(output, output.kind === "files" ? output.files.map((f) => f.bytes) : []));

let lastMemory: MemoryInfo = { numTensors: 0, numBytes: 0 };
/** tf.memory() throws while a backend is still starting (calibration); the last reading stands in then. */
function memory(): MemoryInfo {
  try {
    const { numTensors, numBytes } = tf.memory();
    lastMemory = { numTensors, numBytes };
  } catch {
    // a backend is starting
  }
  return lastMemory;
}

const LOG_LEVELS = ["log", "info", "warn", "error"] as const satisfies readonly LogLevel[];
const devtools = Object.fromEntries(LOG_LEVELS.map((level) => [level, console[level].bind(console)])) as Record<LogLevel, (...args: unknown[]) => void>;

/** A console whose lines go to one run's cell, and still to the devtools console. */
function consoleFor(post: (output: CellOutput) => void): Console {
  const bound = Object.create(console) as Console;
  for (const level of LOG_LEVELS) {
    bound[level] = (...args: unknown[]) => {
      devtools[level](...args);
      post({ kind: "log", level, text: args.map(formatForLog).join(" ") });
    };
  }
  return bound;
}

// The global console (what TensorFlow.js itself prints) goes to the cell running now.
Object.assign(console, consoleFor((output) => emit(output)));

scope.tf = tf;
const sketches = new Map<string, SketchCallback>();
scope.display = createDisplay(tf, emit, sketches);

/**
 * The `console` and `display` a cell's code sees, bound to its run: what its
 * timers and un-awaited promises print after the run has ended still goes to
 * that cell (the page shows it as late, Jupyter's way), never to whichever
 * cell runs then.
 */
function cellScope(runId: number): { console: Console; display: unknown } {
  const post = (output: CellOutput, transfer: Transferable[] = []) => {
    if (output.kind === "sketch") sketchOwners.set(output.id, runId);
    // A drawing pad's callback answers a drawing: what it shows belongs under the pad, not to its cell's old run.
    const to = answering?.ownerRunId === runId ? answering.runId : runId;
    send({ type: "output", runId: to, output }, transfer);
  };
  return { console: consoleFor(post), display: createDisplay(tf, post, sketches) };
}

/** Which run made each drawing pad, and the drawing being answered now (its request's run, and the pad's maker). */
const sketchOwners = new Map<string, number>();
let answering: { runId: number; ownerRunId?: number } | undefined;

/**
 * The backends this browser can offer, in the order we fall back through
 * them, found by feature detection: starting every backend on each kernel
 * start would create GPU contexts and fetch the wasm binary for nothing.
 * A secure context has navigator.gpu even where no GPU adapter answers, so
 * WebGPU counts only with an adapter.
 */
function supportedBackends(): Promise<Backend[]> {
  supported ??= findSupportedBackends();
  return supported;
}
let supported: Promise<Backend[]> | undefined;

async function findSupportedBackends(): Promise<Backend[]> {
  const gpu = (self.navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  const adapter = gpu ? await gpu.requestAdapter().catch(() => null) : null;
  const found: Backend[] = [];
  if (typeof OffscreenCanvas !== "undefined") found.push("webgl");
  if (adapter) found.push("webgpu");
  if (typeof WebAssembly === "object") found.push("wasm");
  found.push("cpu");
  return found;
}

/** Backends that failed to start in this kernel (e.g. no WebGL context), left out of the badge. */
const failedBackends = new Set<Backend>();

/**
 * WebGPU has no synchronous read: tfjs copies through a canvas instead, and
 * where that copy fails (SwiftShader in a worker) dataSync() returns zeros.
 * A wrong number is worse than an error, so there sync reads say why and
 * point at the async ones, which are right everywhere.
 */
function guardSyncReads() {
  const probe = tf.tidy(() => tf.tensor1d([1, 2, 3]).add(1).dataSync());
  if (probe.join() === "2,3,4") return;
  const backend = tf.engine().backend as unknown as { readSync: () => never };
  backend.readSync = () => {
    throw new Error("This browser's WebGPU cannot read results synchronously: use `await t.data()` or `await t.array()` instead of dataSync() or arraySync(), or switch to WebGL.");
  };
}

async function tryBackend(backend: Backend): Promise<boolean> {
  try {
    await loadBackend(backend);
    if (await tf.setBackend(backend)) {
      await tf.ready();
      if (backend === "webgpu") guardSyncReads();
      return true;
    }
  } catch {
    // fall through: this backend cannot start here
  }
  failedBackends.add(backend);
  return false;
}

/**
 * The order a kernel tries backends in when the page names none (this
 * browser is not calibrated yet), or the one it names cannot start. Small
 * dense models run best on WASM (TensorFlow.js's own advice, and what
 * calibration finds here): each op is a call into compiled code, where on a
 * GPU it is a shader to compile and a round trip, so WASM also gives the
 * first output soonest. Convolutions and sequence models want the GPU, and
 * WASM cannot train them (it lacks their gradients' kernels).
 */
const START_ORDER: Record<Workload, readonly Backend[]> = {
  dense: ["wasm", "webgl", "webgpu", "cpu"],
  conv: ["webgl", "webgpu", "wasm", "cpu"],
  sequence: ["webgl", "webgpu", "wasm", "cpu"],
};

async function init(request: Extract<KernelRequest, { type: "init" }>) {
  const startup: StartupTimes = { workerCreatedAt: performance.timeOrigin, scriptsLoadedAt, tfEvaluatedAt, backendReadyAt: 0 };
  // "/api/…" and "/data/…" in a cell mean the site's, not the kernel origin's (or, from a blob worker, nothing).
  // Such requests still carry no cookies: they come from another site.
  const fetchFromWorker = fetch.bind(self);
  scope.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    fetchFromWorker(typeof input === "string" && input.startsWith("/") ? request.assetBase + input : input, init);
  scope.data = createData(tf, fetchAssets(request.assetBase));
  // The wasm backend reads its binaries from the site, wherever this worker runs.
  setWasmBinaries(`${request.assetBase}/tfjs/`);
  const candidates = await supportedBackends();
  const preferred = request.backend && candidates.includes(request.backend) ? [request.backend] : [];
  const order = START_ORDER[request.workload] ?? START_ORDER.dense;
  for (const backend of [...preferred, ...order.filter((b) => candidates.includes(b))]) if (await tryBackend(backend)) break;
  startup.backendReadyAt = performance.timeOrigin + performance.now();
  const available = candidates.filter((b) => !failedBackends.has(b));
  send({ type: "ready", backend: tf.getBackend() as Backend, available, startup });
}

/**
 * Times every backend this browser offers on each workload and reports the
 * fastest per workload. It switches backends as it goes, so the page asks
 * this of a kernel of its own that no cell runs in (notebook-store.ts).
 */
async function calibrate(request: Extract<KernelRequest, { type: "calibrate" }>) {
  currentRunId = request.runId;
  // The CPU backend is every kernel's last resort, never the fastest at training: not worth timing.
  const candidates = (await supportedBackends()).filter((b) => b !== "cpu" && !failedBackends.has(b));
  const calibration = await timeWorkloads(tf, candidates, request.workloads, tryBackend);
  send({ type: "calibrated", runId: request.runId, calibration });
  send({ type: "done", runId: request.runId, ok: true, memory: memory() });
}

/** Tensors each cell left behind on its last run, to spot a cell that leaks on every run. */
const tensorGrowth = new Map<string, number>();

async function run(request: Extract<KernelRequest, { type: "run" }>) {
  currentRunId = request.runId;
  const fileName = `${request.cellId}.js`;
  const before = tf.memory().numTensors;
  let ok = true;
  try {
    const body = prepareCell(request.code, fileName);
    const own = cellScope(request.runId);
    // The parameters stay on the function's first line, so error lines still point into the cell.
    const value = await new AsyncFunction("console", "display", body).call(undefined, own.console, own.display);
    if (value !== undefined) emit(describeValue(value));
  } catch (error) {
    ok = false;
    emit(describeError(error, fileName));
  }
  if (request.tests) await check(request, ok, fileName);
  const grew = tf.memory().numTensors - before;
  if (grew > 0 && (tensorGrowth.get(request.cellId) ?? 0) > 0) {
    emit({
      kind: "log",
      level: "warn",
      text: `This cell left ${grew} more tensors in memory again. Tensors are not garbage-collected: wrap temporary work in tf.tidy(() => …), or call .dispose() on tensors you no longer need.`,
    });
  }
  tensorGrowth.set(request.cellId, grew);
  send({ type: "done", runId: request.runId, ok, memory: memory() });
}

/** A drawing finished on a sketch pad: call the pad's callback and show what it returns. */
async function drawn(request: Extract<KernelRequest, { type: "sketch" }>) {
  currentRunId = request.runId;
  answering = { runId: request.runId, ownerRunId: sketchOwners.get(request.sketchId) };
  const onDraw = sketches.get(request.sketchId);
  let ok = true;
  if (!onDraw) {
    ok = false;
    emit({ kind: "error", name: "Error", message: "This drawing pad belongs to a kernel that has ended: run its cell again." });
  } else {
    const size = Math.round(Math.sqrt(request.pixels.length));
    const drawing = tf.tensor3d(request.pixels, [size, size, 1]);
    try {
      const value = await onDraw(drawing);
      if (value !== undefined) emit(describeValue(value));
    } catch (error) {
      ok = false;
      emit(describeError(error, "sketch.js"));
    } finally {
      drawing.dispose();
    }
  }
  answering = undefined;
  send({ type: "done", runId: request.runId, ok, memory: memory() });
}

/**
 * Check: the exercise's public tests against the functions the cell just
 * defined, with the same test runner and helpers the server grades with.
 * Feedback only: the page never treats this as a grade.
 */
async function check(request: Extract<KernelRequest, { type: "run" }>, ran: boolean, fileName: string) {
  const suites = request.tests ?? [];
  const tests = ran
    ? (await runTests(suites, { tf }, (name, args) => callLearnerFunction(scope, name, args, tf, fileName))).tests
    : failAll(suites, "not run: your code failed before the tests could call it");
  send({ type: "checked", runId: request.runId, tests });
}

function describeError(error: unknown, fileName: string): CellOutput {
  if (error instanceof CellSyntaxError) {
    return { kind: "error", name: "SyntaxError", message: error.message, line: error.line, column: error.column };
  }
  const e = error instanceof Error ? error : new Error(formatForLog(error));
  const place = locateInStack(e.stack, fileName);
  return { kind: "error", name: e.name, message: withBackendHint(e.message), line: place?.line, column: place?.column };
}

/** tfjs's "Kernel 'X' not registered for backend 'wasm'" says what failed; the learner also needs what to do. */
function withBackendHint(message: string): string {
  const missing = /Kernel '(\w+)' not registered for backend '(\w+)'/.exec(message);
  if (!missing) return message;
  return `${message}. The ${missing[2]} backend cannot run this op: choose another backend (WebGL) in the notebook's bar and run the cells again.`;
}

// Requests are handled one at a time, in order: a cell runs only after the one before it finished.
let queue = Promise.resolve();
function enqueue(work: () => Promise<void> | void) {
  queue = queue.then(work).catch((error: unknown) => {
    emit({ kind: "error", name: "KernelError", message: formatForLog(error instanceof Error ? error.message : error) });
  });
}

function handle(request: KernelRequest) {
  switch (request.type) {
    case "init":
      return enqueue(() => init(request));
    case "run":
      return enqueue(() => run(request));
    case "sketch":
      return enqueue(() => drawn(request));
    case "calibrate":
      return enqueue(() => calibrate(request));
    case "storage-reply":
      // A cell is waiting for this reply: answer it now, not after that cell.
      return storage.answer(request.requestId, request.reply);
    default:
      // Every request type is handled above; a new one is a compile error here.
      request satisfies never;
  }
}

scope.addEventListener("message", (event: MessageEvent) => {
  const connectPort = event.ports[0];
  if (event.data?.type === "connect" && connectPort && !port) {
    port = connectPort;
    port.onmessage = (message: MessageEvent<KernelRequest>) => handle(message.data);
  }
});

// Between runs, report memory now and then so the readout follows async work (e.g. a training loop still running).
setInterval(() => {
  if (port) send({ type: "memory", memory: memory() });
}, 2000);
