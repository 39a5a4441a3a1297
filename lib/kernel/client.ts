/**
 * The page's side of the kernel: starts the kernel frame (on the kernel's own
 * origin, or the sandboxed fallback on this site: lib/kernel-placement.ts),
 * sends it cells to run one at a time, and stops it by removing the frame,
 * which ends its worker however busy that worker is.
 *
 * TRUST BOUNDARY: messages from the kernel are untrusted data (see protocol.ts).
 */
import { answerStorage } from "./browser-models";
import type { KernelPlacement } from "@/lib/kernel-placement";
import type { TestSuite } from "@/lib/cell-runtime/run-tests";
import type { TestResult } from "@/lib/cell-runtime/verdict";
import { parseCalibration, type Backend, type Calibration, type CellOutput, type KernelEvent, type KernelRequest, type MemoryInfo, type StartupTimes, type Workload } from "./protocol";

export type KernelState =
  | { status: "off" }
  | { status: "starting" }
  | { status: "idle"; backend: Backend; available: Backend[] }
  | { status: "busy"; backend: Backend; available: Backend[]; cellId: string }
  | { status: "dead"; reason: string };

/** `tests`: the public tests' results when the run was a Check; `calibration`, when it was a calibration. */
export type RunResult = { ok: boolean; tests?: TestResult[]; calibration?: Calibration } | { ok: false; stopped: string };

type PendingRun = {
  runId: number;
  cellId: string;
  request: KernelRequest;
  testResults?: TestResult[];
  calibration?: Calibration;
  timeoutMs: number;
  onOutput: (output: CellOutput) => void;
  onLateOutput?: (output: CellOutput) => void;
  resolve: (result: RunResult) => void;
};

/** How long timing every backend on every workload may take. */
const CALIBRATION_TIMEOUT_MS = 120_000;

/** How long a sketch pad's callback may take to answer one drawing. */
const SKETCH_TIMEOUT_MS = 30_000;

/** How long the kernel may take to load TensorFlow.js and pick a backend before we call it failed. */
const START_TIMEOUT_MS = 60_000;

/** How long the kernel origin's frame may take to greet the page before the page falls back to the sandboxed frame. */
const GREETING_TIMEOUT_MS = 10_000;

/** The fallback: the kernel frame on this site, which the frame's own CSP also sandboxes. */
const SANDBOX_FRAME_URL = "/kernel/frame.html";

let placementRequest: Promise<KernelPlacement> | undefined;

/**
 * Where this page's kernels run, asked of the site once per page, when the
 * first kernel starts: the answer does not change while the page is open.
 */
export function kernelPlacementOfPage(): Promise<KernelPlacement> {
  placementRequest ??= fetchKernelPlacement();
  return placementRequest;
}

/** Asks the site where this page's kernel runs (app/api/kernel); any failure means the sandboxed frame. */
async function fetchKernelPlacement(): Promise<KernelPlacement> {
  try {
    const response = await fetch("/api/kernel");
    const answer = (await response.json()) as Partial<{ kind: string; origin: string; reason: string }>;
    if (response.ok && answer.kind === "origin" && typeof answer.origin === "string") return { kind: "origin", origin: new URL(answer.origin).origin };
    if (response.ok && answer.kind === "sandbox" && typeof answer.reason === "string") return { kind: "sandbox", reason: answer.reason };
  } catch {
    // fall through
  }
  return { kind: "sandbox", reason: "WebGPU is off: the site did not say where the kernel runs." };
}

export class KernelClient {
  private state: KernelState = { status: "off" };
  private memoryInfo: MemoryInfo = { numTensors: 0, numBytes: 0 };
  private listeners = new Set<() => void>();
  private frame?: HTMLIFrameElement;
  private port?: MessagePort;
  private queue: PendingRun[] = [];
  private running?: PendingRun & { timer: ReturnType<typeof setTimeout> };
  /** Each cell's last finished run, by run id: where what it prints late goes. */
  private lateOutput = new Map<number, { cellId: string; onOutput: (output: CellOutput) => void }>();
  private nextRunId = 1;
  private startTimer?: ReturnType<typeof setTimeout>;
  /** Stops listening for the current frame's greeting. */
  private stopGreeting?: () => void;
  /** Bumped on every start, so a placement answered after a restart is dropped. */
  private generation = 0;
  /** Why WebGPU is off in this kernel, when it runs in the sandboxed fallback; shown by the badge. */
  webgpuOff: string | undefined;

  constructor(
    private readonly options: {
      /** Where the kernel runs: its own origin, or the sandboxed frame on this site. */
      placement: () => Promise<KernelPlacement>;
      /** Which backend to ask for on each start (none: the kernel picks by the workload). */
      backendPreference: () => Backend | undefined;
      /** What the lesson's cells train. */
      workload: Workload;
    },
  ) {}

  getState = (): KernelState => this.state;
  getMemory = (): MemoryInfo => this.memoryInfo;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts the kernel if it is not running; cheap to call on every focus. */
  ensureStarted(): void {
    if (this.state.status === "off" || this.state.status === "dead") this.start();
  }

  /** Queues a cell; resolves when it has run, failed, or was stopped. */
  /**
   * `onLateOutput` receives what the cell's timers and promises print after the
   * run has ended, until the cell runs again or the kernel restarts.
   */
  run(cellId: string, code: string, timeoutMs: number, onOutput: (output: CellOutput) => void, tests?: TestSuite[], onLateOutput?: (output: CellOutput) => void): Promise<RunResult> {
    this.ensureStarted();
    return this.enqueue(cellId, timeoutMs, onOutput, (runId) => ({ type: "run", runId, cellId, code, tests }), onLateOutput);
  }

  /**
   * Times every backend on each workload. Calibration switches backends, so
   * ask it of a kernel that runs no cells; undefined if it failed or was stopped.
   */
  async calibrate(workloads: Workload[]): Promise<Calibration | undefined> {
    this.ensureStarted();
    const result = await this.enqueue("calibration", CALIBRATION_TIMEOUT_MS, () => {}, (runId) => ({ type: "calibrate", runId, workloads }));
    return "calibration" in result ? result.calibration : undefined;
  }

  /** Queues a drawing for the callback of a sketch pad the cell made; its outputs go to `onOutput`. */
  sketch(cellId: string, sketchId: string, pixels: Float32Array, onOutput: (output: CellOutput) => void): Promise<RunResult> {
    return this.enqueue(cellId, SKETCH_TIMEOUT_MS, onOutput, (runId) => ({ type: "sketch", runId, sketchId, pixels }));
  }

  private enqueue(
    cellId: string,
    timeoutMs: number,
    onOutput: (output: CellOutput) => void,
    request: (runId: number) => KernelRequest,
    onLateOutput?: (output: CellOutput) => void,
  ): Promise<RunResult> {
    return new Promise((resolve) => {
      const runId = this.nextRunId++;
      this.queue.push({ runId, cellId, request: request(runId), timeoutMs, onOutput, onLateOutput, resolve });
      this.pump();
    });
  }

  /** Ends the kernel at once (its variables are lost) and starts a fresh one. */
  restart(reason: string): void {
    this.teardown(reason);
    this.start();
  }

  dispose(): void {
    this.teardown("The page was closed.");
    this.setState({ status: "off" });
  }

  private start() {
    performance.mark("kernel:start");
    this.setState({ status: "starting" });
    const generation = ++this.generation;
    this.startTimer = setTimeout(() => this.fail("The kernel did not start within a minute."), START_TIMEOUT_MS);
    void this.options.placement().then((placement) => {
      performance.mark("kernel:placed");
      if (generation === this.generation && this.state.status === "starting") this.openFrame(placement);
    });
  }

  /**
   * Frames the kernel, waits for the frame's greeting from the origin it was
   * loaded from, then hands it the page's end of a MessageChannel (posted to
   * that origin only). A kernel origin that does not greet in time (not
   * served, refused by a policy) gives way to the sandboxed frame.
   */
  private openFrame(placement: KernelPlacement) {
    const onOwnOrigin = placement.kind === "origin";
    this.webgpuOff = onOwnOrigin ? undefined : placement.reason;
    const frame = document.createElement("iframe");
    // The kernel origin holds nothing of the site's, so there the frame keeps its origin (a secure context, for
    // WebGPU). On this site, allow-scripts only: never allow-same-origin, which would hand learner code the site's
    // cookies and storage.
    frame.setAttribute("sandbox", onOwnOrigin ? "allow-scripts allow-same-origin" : "allow-scripts");
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    frame.title = "Notebook kernel";
    frame.className = "kernel-frame";
    frame.src = onOwnOrigin ? `${placement.origin}/kernel/frame.html` : SANDBOX_FRAME_URL;
    const frameOrigin = onOwnOrigin ? placement.origin : "null";

    const greeted = (event: MessageEvent) => {
      if (event.source !== frame.contentWindow || event.origin !== frameOrigin || event.data?.type !== "kernel-frame") return;
      performance.mark("kernel:greeted");
      this.stopGreeting?.();
      const channel = new MessageChannel();
      this.port = channel.port1;
      this.port.onmessage = (message: MessageEvent<KernelEvent>) => this.receive(message.data);
      // The opaque frame's origin is "null", so "*" is the only target that reaches it.
      frame.contentWindow?.postMessage({ type: "connect" }, onOwnOrigin ? placement.origin : "*", [channel.port2]);
      this.send({ type: "init", assetBase: window.location.origin, backend: this.options.backendPreference(), workload: this.options.workload });
    };
    const fallback = onOwnOrigin
      ? setTimeout(() => {
          this.stopGreeting?.();
          frame.remove();
          this.openFrame({ kind: "sandbox", reason: `WebGPU is off: the kernel's origin, ${placement.origin}, did not answer.` });
        }, GREETING_TIMEOUT_MS)
      : undefined;
    window.addEventListener("message", greeted);
    this.stopGreeting = () => {
      window.removeEventListener("message", greeted);
      clearTimeout(fallback);
      this.stopGreeting = undefined;
    };
    document.body.append(frame);
    this.frame = frame;
  }

  private teardown(reason: string) {
    clearTimeout(this.startTimer);
    this.stopGreeting?.();
    if (this.running) {
      clearTimeout(this.running.timer);
      this.running.resolve({ ok: false, stopped: reason });
      this.running = undefined;
    }
    for (const pending of this.queue.splice(0)) pending.resolve({ ok: false, stopped: reason });
    // The old worker's timers end with it: nothing late can come from it.
    this.lateOutput.clear();
    this.port?.close();
    this.frame?.remove(); // ends the frame's worker, mid-loop or not
    this.port = undefined;
    this.frame = undefined;
    this.memoryInfo = { numTensors: 0, numBytes: 0 };
  }

  private fail(reason: string) {
    this.teardown(reason);
    this.setState({ status: "dead", reason });
  }

  private send(request: KernelRequest) {
    this.port?.postMessage(request);
  }

  private pump() {
    if (this.running || this.state.status !== "idle") return;
    const next = this.queue.shift();
    if (!next) return;
    const timer = setTimeout(
      () => this.restart(`The cell ran for more than ${Math.round(next.timeoutMs / 1000)} s, its time limit, and was stopped.`),
      next.timeoutMs,
    );
    this.running = { ...next, timer };
    // A cell run again no longer shows what its earlier run prints late.
    for (const [runId, late] of this.lateOutput) if (late.cellId === next.cellId) this.lateOutput.delete(runId);
    this.setState({ ...this.state, status: "busy", cellId: next.cellId });
    this.send(next.request);
  }

  private receive(event: KernelEvent) {
    switch (event.type) {
      case "ready":
        clearTimeout(this.startTimer);
        markStartup(event.startup);
        this.setState({ status: "idle", backend: event.backend, available: event.available });
        this.pump();
        break;
      case "output":
        if (this.running?.runId === event.runId) this.running.onOutput(event.output);
        else this.lateOutput.get(event.runId)?.onOutput(event.output);
        break;
      case "checked":
        if (this.running?.runId === event.runId) this.running.testResults = event.tests;
        break;
      case "calibrated":
        if (this.running?.runId === event.runId) this.running.calibration = parseCalibration(event.calibration);
        break;
      case "done": {
        const finished = this.running;
        if (finished?.runId !== event.runId) break;
        clearTimeout(finished.timer);
        this.running = undefined;
        if (finished.onLateOutput) this.lateOutput.set(finished.runId, { cellId: finished.cellId, onOutput: finished.onLateOutput });
        this.memoryInfo = event.memory;
        if (this.state.status === "busy") this.setState({ status: "idle", backend: this.state.backend, available: this.state.available });
        finished.resolve({ ok: event.ok, tests: finished.testResults, calibration: finished.calibration });
        this.pump();
        break;
      }
      case "memory":
        this.memoryInfo = event.memory;
        this.emit();
        break;
      case "storage":
        void answerStorage(event.request).then((reply) => this.send({ type: "storage-reply", requestId: event.requestId, reply }));
        break;
    }
  }

  private setState(state: KernelState) {
    this.state = state;
    this.emit();
  }

  private emit() {
    for (const listener of this.listeners) listener();
  }
}

/**
 * The kernel's start-up as User Timing marks ("kernel:…"), on the page's
 * clock: the browser's performance panel shows them, and bench:kernel
 * breaks the cold start down with them. Times from the kernel are its own
 * claims, used for nothing else.
 */
function markStartup(startup: StartupTimes | undefined) {
  if (!startup) return;
  for (const [name, at] of Object.entries(startup)) {
    const startTime = at - performance.timeOrigin;
    if (Number.isFinite(startTime) && startTime >= 0) performance.mark(`kernel:${name.replace(/At$/, "")}`, { startTime });
  }
  performance.mark("kernel:ready");
}
