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
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import "@tensorflow/tfjs-backend-webgpu";
import { createData, fetchAssets } from "./datasets";
import { createDisplay, type SketchCallback } from "./display";
import { describeValue, formatForLog } from "@/lib/cell-runtime/format-value";
import { CellSyntaxError, prepareCell } from "@/lib/cell-runtime/prepare-cell";
import { installModelStorage, pageStorage } from "./model-storage";
import { locateInStack } from "@/lib/cell-runtime/stack-location";
import { callLearnerFunction } from "@/lib/cell-runtime/learner-call";
import { failAll, runTests } from "@/lib/cell-runtime/run-tests";
import type { Backend, Calibration, CellOutput, KernelEvent, KernelRequest, LogLevel, MemoryInfo } from "./protocol";

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
async function supportedBackends(): Promise<Backend[]> {
  const gpu = (self.navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  const adapter = gpu ? await gpu.requestAdapter().catch(() => null) : null;
  const supported: Backend[] = [];
  if (typeof OffscreenCanvas !== "undefined") supported.push("webgl");
  if (adapter) supported.push("webgpu");
  if (typeof WebAssembly === "object") supported.push("wasm");
  supported.push("cpu");
  return supported;
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
 * Times a few training-like steps (a conv layer's forward and backward pass)
 * on each GPU backend and returns the fastest. Which one wins depends on the
 * device, so the page caches the result per browser.
 */
async function calibrate(candidates: Backend[]): Promise<Calibration | undefined> {
  const gpus = candidates.filter((b) => b === "webgl" || b === "webgpu");
  if (gpus.length === 0) return undefined;
  const millisecondsPerStep: Partial<Record<Backend, number>> = {};
  for (const backend of gpus) {
    if (!(await tryBackend(backend))) continue;
    const x = tf.randomNormal([16, 28, 28, 1]);
    const filter = tf.variable(tf.randomNormal([3, 3, 1, 16]));
    const step = () => tf.tidy(() => tf.grad((f: tf.Tensor) => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, "same").square().mean())(filter));
    await step().data(); // warm-up: shader compilation is not what we are timing
    const steps = 5;
    const start = performance.now();
    for (let i = 0; i < steps; i++) await step().data();
    millisecondsPerStep[backend] = (performance.now() - start) / steps;
    tf.dispose([x, filter]);
  }
  const measured = gpus.filter((b) => millisecondsPerStep[b] !== undefined);
  if (measured.length === 0) return undefined;
  const fastest = measured.reduce((a, b) => ((millisecondsPerStep[a] ?? Infinity) <= (millisecondsPerStep[b] ?? Infinity) ? a : b));
  return { backend: fastest, millisecondsPerStep };
}

async function init(request: Extract<KernelRequest, { type: "init" }>) {
  setWasmPaths(`${request.assetBase}/tfjs/`);
  // "/api/…" and "/data/…" in a cell mean the site's, not the kernel origin's (or, from a blob worker, nothing).
  // Such requests still carry no cookies: they come from another site.
  const fetchFromWorker = fetch.bind(self);
  scope.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    fetchFromWorker(typeof input === "string" && input.startsWith("/") ? request.assetBase + input : input, init);
  scope.data = createData(tf, fetchAssets(request.assetBase));
  const candidates = await supportedBackends();
  let calibration: Calibration | undefined;
  let backend: Backend | undefined;
  if (request.backend && candidates.includes(request.backend) && (await tryBackend(request.backend))) {
    backend = request.backend;
  } else if (request.calibrate) {
    calibration = await calibrate(candidates);
    backend = calibration?.backend;
  }
  if (backend) await tryBackend(backend);
  else for (const candidate of candidates) if (await tryBackend(candidate)) break;
  const available = candidates.filter((b) => !failedBackends.has(b));
  send({ type: "ready", backend: tf.getBackend() as Backend, available, calibration });
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
  return { kind: "error", name: e.name, message: e.message, line: place?.line, column: place?.column };
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
