/**
 * A lesson's notebook: its cells (code, outputs, execution counts, stale
 * marks), the kernel they run in, and the learner's saved edits. A plain
 * store with per-cell subscriptions, so a live chart in one cell re-renders
 * only that cell.
 */
import { KernelClient, kernelPlacementOfPage, type RunResult } from "@/lib/kernel/client";
import type { TestSuite } from "@/lib/cell-runtime/run-tests";
import type { Backend, Calibration, Workload } from "@/lib/kernel/protocol";
import { appendLateOutput, appendOutput, updateSketch, type ShownOutput, type SketchOutput } from "./outputs";
import { calibratedBackend, fingerprint, loadChosenBackend, loadEdit, saveChosenBackend, saveEdit } from "./browser-storage";

export type CellState = {
  id: string;
  index: number;
  authorCode: string;
  code: string;
  timeoutMs: number;
  /** Queued covers waiting and running; the kernel's state says which cell is running now. */
  status: "idle" | "queued";
  /** Jupyter's In [n]: the order in which cells ran in this kernel. */
  count?: number;
  outputs: ShownOutput[];
  /** The outputs no longer match the kernel: an earlier cell was re-run or edited, or this cell was edited, or the kernel restarted. */
  stale: boolean;
  /** Fingerprint of the author's code the learner's edit was made against; saved with the edit. */
  editBase: string;
  /** The learner's saved edit was made against older author code. */
  authorChanged: boolean;
};

const SAVE_DELAY_MS = 400;

export class NotebookStore {
  readonly kernel: KernelClient;
  private cells = new Map<string, CellState>();
  private cellListeners = new Map<string, Set<() => void>>();
  private noticeListeners = new Set<() => void>();
  private counter = 0;
  private notice: string | undefined;
  private saveTimers = new Map<string, ReturnType<typeof setTimeout>>();

  /** `workload`: what the lesson's cells train, which picks the calibrated backend its kernel starts on. */
  constructor(
    readonly lessonId: string,
    private readonly workload: Workload,
  ) {
    this.kernel = new KernelClient({
      placement: kernelPlacementOfPage,
      backendPreference: () => loadChosenBackend() ?? calibratedBackend(workload),
      workload,
    });
  }

  /**
   * This browser was just calibrated: a kernel that has run nothing yet moves
   * to the fastest backend for this lesson at once; one that holds the
   * learner's variables keeps its backend until it next starts.
   */
  calibrated(calibration: Calibration): void {
    const state = this.kernel.getState();
    const fastest = calibration[this.workload]?.backend;
    if (state.status !== "idle" || !fastest || fastest === state.backend || loadChosenBackend() || this.counter > 0) return;
    this.kernel.restart("The kernel moved to the fastest backend for this lesson.");
  }

  /** Adds a cell as the page renders it, restoring the learner's edit if there is one. Nothing runs. */
  register(id: string, index: number, authorCode: string, timeoutMs: number): void {
    if (this.cells.has(id)) return;
    const saved = loadEdit(this.lessonId, id);
    const edited = saved !== undefined && saved.code !== authorCode;
    const authorFingerprint = fingerprint(authorCode);
    this.cells.set(id, {
      id,
      index,
      authorCode,
      code: edited ? saved.code : authorCode,
      timeoutMs,
      status: "idle",
      outputs: [],
      stale: false,
      editBase: edited ? saved.authorFingerprint : authorFingerprint,
      authorChanged: edited && saved.authorFingerprint !== authorFingerprint,
    });
    // The cell subscribed before it registered (effects run in order): it must render the restored edit now.
    this.notifyCell(id);
  }

  getCell = (id: string): CellState | undefined => this.cells.get(id);
  getNotice = (): string | undefined => this.notice;

  subscribeCell(id: string, listener: () => void): () => void {
    const listeners = this.cellListeners.get(id) ?? new Set();
    listeners.add(listener);
    this.cellListeners.set(id, listeners);
    return () => listeners.delete(listener);
  }

  subscribeNotice = (listener: () => void): (() => void) => {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  };

  /** The learner typed: keep the code, save it shortly, and mark results that no longer match it. */
  setCode(id: string, code: string): void {
    const cell = this.cells.get(id);
    if (!cell || cell.code === code) return;
    this.update(id, { code, stale: cell.count !== undefined });
    this.markLaterStale(cell.index);
    this.scheduleSave(id);
  }

  resetCell(id: string): void {
    const cell = this.cells.get(id);
    if (!cell) return;
    this.update(id, { code: cell.authorCode, editBase: fingerprint(cell.authorCode), authorChanged: false, stale: cell.count !== undefined });
    this.markLaterStale(cell.index);
    this.flushSave(id);
  }

  /** Runs the cell; with `tests`, also checks its functions against an exercise's public tests. */
  async runCell(id: string, tests?: TestSuite[]): Promise<RunResult | undefined> {
    const cell = this.cells.get(id);
    if (!cell || cell.status !== "idle") return undefined;
    this.flushSave(id);
    this.setNotice(undefined);
    this.update(id, { status: "queued", outputs: [], stale: false });
    this.markLaterStale(cell.index);
    const result = await this.kernel.run(
      id,
      cell.code,
      cell.timeoutMs,
      (output) => {
        const current = this.cells.get(id);
        if (!current) return;
        this.update(id, { outputs: appendOutput(current.outputs, output) });
      },
      tests,
      (output) => {
        const current = this.cells.get(id);
        if (current) this.update(id, { outputs: appendLateOutput(current.outputs, output) });
      },
    );
    const after = this.cells.get(id)!;
    if ("stopped" in result) {
      this.update(id, {
        status: "idle",
        outputs: appendOutput(after.outputs, { kind: "error", name: "Stopped", message: result.stopped }),
      });
    } else {
      this.update(id, { status: "idle", count: ++this.counter });
    }
    return result;
  }

  /** Sends a finished drawing to the callback of a sketch pad in the cell, and shows what it returns under the pad. */
  async drawSketch(cellId: string, sketchId: string, pixels: Float32Array): Promise<void> {
    const changeSketch = (change: (sketch: SketchOutput) => SketchOutput) => {
      const cell = this.cells.get(cellId);
      if (cell) this.update(cellId, { outputs: updateSketch(cell.outputs, sketchId, change) });
    };
    changeSketch((sketch) => ({ ...sketch, results: [], busy: true }));
    const result = await this.kernel.sketch(cellId, sketchId, pixels, (output) =>
      changeSketch((sketch) => ({ ...sketch, results: appendOutput(sketch.results, output) })),
    );
    changeSketch((sketch) => ({
      ...sketch,
      busy: false,
      results: "stopped" in result ? appendOutput(sketch.results, { kind: "error", name: "Stopped", message: result.stopped }) : sketch.results,
    }));
  }

  /** Runs every cell in order, stopping at the first that fails or is stopped. */
  async runAll(): Promise<void> {
    for (const cell of [...this.cells.values()].sort((a, b) => a.index - b.index)) {
      const result = await this.runCell(cell.id);
      if (!result?.ok) return;
    }
  }

  /** Stops whatever is running by ending the kernel; the learner is told their variables are gone. */
  stop(): void {
    this.restartKernel("Stopped. The kernel was restarted, so variables from earlier cells are gone: run those cells again.");
  }

  restartKernel(message = "The kernel was restarted, so variables from earlier cells are gone: run those cells again."): void {
    this.kernel.restart(message);
    this.counter = 0;
    for (const cell of this.cells.values()) {
      if (cell.count !== undefined || cell.outputs.length > 0) this.update(cell.id, { stale: true, count: undefined });
    }
    this.setNotice(message);
  }

  chooseBackend(backend: Backend): void {
    saveChosenBackend(backend);
    this.restartKernel(`Switched to the ${backend} backend. The kernel was restarted, so variables from earlier cells are gone.`);
  }

  /** Saves pending edits now, e.g. when the page is hidden or closed. */
  flushAll(): void {
    for (const id of this.saveTimers.keys()) this.flushSave(id);
  }

  dispose(): void {
    this.flushAll();
    this.kernel.dispose();
  }

  private markLaterStale(index: number) {
    for (const cell of this.cells.values()) {
      if (cell.index > index && cell.count !== undefined && !cell.stale) this.update(cell.id, { stale: true });
    }
  }

  private scheduleSave(id: string) {
    clearTimeout(this.saveTimers.get(id));
    this.saveTimers.set(id, setTimeout(() => this.flushSave(id), SAVE_DELAY_MS));
  }

  private flushSave(id: string) {
    clearTimeout(this.saveTimers.get(id));
    this.saveTimers.delete(id);
    const cell = this.cells.get(id);
    if (!cell) return;
    const edited = cell.code !== cell.authorCode;
    saveEdit(this.lessonId, id, edited ? { code: cell.code, authorFingerprint: cell.editBase } : undefined);
  }

  private update(id: string, patch: Partial<CellState>) {
    const cell = this.cells.get(id);
    if (!cell) return;
    this.cells.set(id, { ...cell, ...patch });
    this.notifyCell(id);
  }

  private notifyCell(id: string) {
    for (const listener of this.cellListeners.get(id) ?? []) listener();
  }

  private setNotice(notice: string | undefined) {
    this.notice = notice;
    for (const listener of this.noticeListeners) listener();
  }
}
