/**
 * Grades one submission in a fresh isolated-vm isolate. Runs inside a grader
 * process (grader.process.ts), never in the web server.
 *
 * TRUST BOUNDARY: the learner's code runs only inside the isolate, which has
 * no require, process, file system, network, timers or module loader; it gets
 * a memory limit and the wall-clock deadline below. Tests run here, outside
 * the isolate, and see only plain data copied out of it. Each submission gets
 * a new isolate (prepared ahead of time), so nothing one submission leaves
 * behind is visible to the next.
 */
import ivm from "isolated-vm";
import { CellSyntaxError, prepareCell } from "@/lib/kernel/prepare-cell";
import { SUBMISSION_FILE, type CallOutcome } from "./learner-call";
import { tf } from "./node-tf";
import { failAll, runTests, SandboxStopped, type TestSuite } from "./run-tests";
import type { Value } from "./values";
import { scoreOf, type Verdict } from "./verdict";

export type Limits = { timeMs: number };
export type GradeJob = { code: string; suites: TestSuite[]; limits: Limits };

/** RangeErrors V8 throws when an allocation is refused: a memory verdict, not a bug in the learner's logic. */
const ALLOCATION_FAILURE = /Array buffer allocation failed|Invalid (typed )?array length|Invalid string length|out of memory/i;

/** An isolate with the runtime loaded, and the harness functions taken before any learner code ran. */
export class Sandbox {
  private constructor(
    readonly isolate: ivm.Isolate,
    private readonly harness: { run: ivm.Reference; call: ivm.Reference; logs: ivm.Reference },
  ) {}

  static async create(runtime: string, memoryMb: number): Promise<Sandbox> {
    const isolate = new ivm.Isolate({ memoryLimit: memoryMb });
    const context = await isolate.createContext();
    await (await isolate.compileScript(runtime, { filename: "descent-sandbox-runtime.js" })).run(context);
    const global = context.global;
    const harness = (await global.get("__descentHarness", { reference: true })) as ivm.Reference;
    const take = async (name: string) => (await harness.get(name, { reference: true })) as ivm.Reference;
    const refs = { run: await take("run"), call: await take("call"), logs: await take("logs") };
    // Learner code must not find the harness (it could only spoil its own run, but there is no need to offer it).
    await global.delete("__descentHarness");
    return new Sandbox(isolate, refs);
  }

  dispose(): void {
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }

  async grade(job: GradeJob, started = performance.now()): Promise<Verdict> {
    const deadline = started + job.limits.timeMs;
    const finish = (partial: Omit<Verdict, "score" | "maxScore" | "durationMs" | "logs">, logs: string): Verdict => ({
      ...partial,
      ...scoreOf(partial.tests),
      logs,
      durationMs: Math.round(performance.now() - started),
    });

    let body: string;
    try {
      body = prepareCell(job.code, SUBMISSION_FILE);
    } catch (error) {
      if (!(error instanceof CellSyntaxError)) throw error;
      const where = error.line ? ` (line ${error.line})` : "";
      return finish({ status: "syntax-error", message: `${error.message}${where}`, line: error.line, tests: failAll(job.suites, "not run: your code has a syntax error") }, "");
    }

    try {
      const defined = await this.apply(this.harness.run, [body], deadline);
      if (!defined.ok) {
        return finish(
          { status: "runtime-error", message: defined.message, line: defined.line, tests: failAll(job.suites, "not run: your code failed before the tests could call it") },
          await this.logs(),
        );
      }
    } catch (error) {
      if (!(error instanceof SandboxStopped)) throw error;
      return finish({ status: error.status, message: error.message, tests: failAll(job.suites, `not run: ${error.message}`) }, await this.logs());
    }

    const { tests, stopped } = await runTests(job.suites, { tf }, (name, args) => this.apply(this.harness.call, [name, args], deadline));
    const { score, maxScore } = scoreOf(tests);
    const status = stopped ? stopped.status : score === maxScore ? "passed" : "failed";
    return finish({ status, message: stopped?.message, tests }, await this.logs());
  }

  /** Calls into the isolate, copying arguments in and the outcome out, within the deadline. */
  private async apply(reference: ivm.Reference, args: Value[], deadline: number): Promise<CallOutcome> {
    const remaining = Math.floor(deadline - performance.now());
    if (remaining <= 0) throw timeLimit();
    let timedOut = false;
    // `timeout` stops synchronous loops; the timer also ends code that waits forever on a promise.
    const timer = setTimeout(() => {
      timedOut = true;
      this.dispose();
    }, remaining);
    try {
      const outcome = (await reference.apply(undefined, args, {
        arguments: { copy: true },
        result: { promise: true, copy: true },
        timeout: remaining,
      })) as unknown;
      return checkOutcome(outcome);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (timedOut || /timed out/i.test(message)) throw timeLimit();
      if (/memory limit/i.test(message) || ALLOCATION_FAILURE.test(message)) throw memoryLimit();
      if (this.isolate.isDisposed) throw new SandboxStopped("crashed", "the sandbox stopped unexpectedly");
      // Anything else thrown across the boundary (e.g. an uncopyable result) is the learner's doing.
      return { ok: false, message: `your code could not be checked: ${message.slice(0, 300)}` };
    } finally {
      clearTimeout(timer);
    }
  }

  private async logs(): Promise<string> {
    if (this.isolate.isDisposed) return "";
    try {
      const text = (await this.harness.logs.apply(undefined, [], { result: { copy: true }, timeout: 1000 })) as unknown;
      return typeof text === "string" ? text.slice(0, 25_000) : "";
    } catch {
      return "";
    }
  }
}

function timeLimit() {
  return new SandboxStopped("time-limit", "time limit exceeded: your code was still running when time ran out (an endless loop, or a promise that never resolves?)");
}
function memoryLimit() {
  return new SandboxStopped("memory-limit", "memory limit exceeded: your code tried to use more memory than a submission may");
}

/** The outcome is data made next to learner code: accept only the expected shape. */
function checkOutcome(outcome: unknown): CallOutcome {
  if (outcome && typeof outcome === "object" && "ok" in outcome) {
    const o = outcome as { ok: unknown; value?: unknown; message?: unknown; line?: unknown };
    if (o.ok === true) return { ok: true, value: o.value as Value };
    if (o.ok === false && typeof o.message === "string") {
      if (ALLOCATION_FAILURE.test(o.message)) throw memoryLimit();
      return { ok: false, message: o.message, line: typeof o.line === "number" ? o.line : undefined };
    }
  }
  return { ok: false, message: "your code returned an answer that could not be read" };
}
