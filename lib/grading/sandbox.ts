/**
 * Grades one submission in a fresh isolated-vm isolate. Runs inside a grader
 * process (grader.process.ts), never in the web server.
 *
 * TRUST BOUNDARY: the learner's code runs only inside the isolate, which has
 * no require, process, file system, network, timers or module loader; it gets
 * a memory limit and the wall-clock deadline below. Tests run here, outside
 * the isolate, and see only plain data copied out of it. Each submission gets
 * a new context (prepared ahead of time) with its own globals and built-ins,
 * so nothing one submission leaves behind is visible to the next.
 *
 * Hidden tests tell the learner only what lib/cell-runtime/hidden-tests.ts
 * allows: console output is read once, as the first hidden test starts, and
 * a hidden test's failure carries fixed text, not the values it compared.
 */
import ivm from "isolated-vm";
import { CellSyntaxError, prepareCell } from "@/lib/cell-runtime/prepare-cell";
import { SUBMISSION_FILE, type CallOutcome } from "@/lib/cell-runtime/learner-call";
import { tf } from "@/lib/node-tf";
import { failAll, runTests, SandboxStopped, type TestSuite } from "@/lib/cell-runtime/run-tests";
import { toValue, UnreadableValue, type Value } from "@/lib/cell-runtime/values";
import { scoreOf, type Verdict } from "@/lib/cell-runtime/verdict";
import { truncate } from "@/lib/cell-runtime/truncate";
import { HIDDEN_LOGS_NOTICE } from "@/lib/cell-runtime/hidden-tests";
import { boundVerdict, VERDICT_LIMITS } from "./verdict-bounds";

export type Limits = { timeMs: number };
export type GradeJob = { code: string; suites: TestSuite[]; limits: Limits };

/** RangeErrors V8 throws when an allocation is refused: a memory verdict, not a bug in the learner's logic. */
const ALLOCATION_FAILURE = /Array buffer allocation failed|Invalid (typed )?array length|Invalid string length|out of memory/i;

/** The runtime's compiled code, kept for the next isolate (see IsolateHost.create). */
let runtimeCache: ivm.ExternalCopy<ArrayBuffer> | undefined;

/** Submissions one isolate grades before it is replaced: bounds any slow growth of its heap. */
const SUBMISSIONS_PER_ISOLATE = 100;

/**
 * An isolate that grades submissions one after another, each in a context
 * of its own: new globals, new built-ins (Object.prototype, Math, …) and a
 * new copy of the runtime, so nothing one submission changes is visible to
 * the next. Reusing the isolate keeps V8's compiled code for tfjs warm; an
 * isolate is thrown away when a submission hits a limit, and after
 * SUBMISSIONS_PER_ISOLATE.
 */
export class IsolateHost {
  private used = 0;

  private constructor(
    readonly isolate: ivm.Isolate,
    private readonly runtime: ivm.Script,
  ) {}

  static async create(runtimeSource: string, memoryMb: number): Promise<IsolateHost> {
    const isolate = new ivm.Isolate({ memoryLimit: memoryMb });
    // V8's code cache for the runtime, made by this process's first isolate,
    // spares each replacement isolate most of the compile (about 31 → 7 ms).
    // It is machine code: it comes only from our own runtime, compiled here,
    // never from disk or from anything a learner sent.
    const runtime: ivm.Script & ivm.CachedDataResult = await isolate.compileScript(runtimeSource, {
      filename: "descent-sandbox-runtime.js",
      ...(runtimeCache ? { cachedData: runtimeCache } : { produceCachedData: true }),
    });
    runtimeCache ??= runtime.cachedData;
    return new IsolateHost(isolate, runtime);
  }

  /** Whether the next submission may use this isolate. */
  get usable(): boolean {
    return !this.isolate.isDisposed && this.used < SUBMISSIONS_PER_ISOLATE;
  }

  /** A fresh context with the runtime loaded, and the harness functions taken before any learner code runs. */
  async newSandbox(): Promise<Sandbox> {
    this.used += 1;
    const context = await this.isolate.createContext();
    await this.runtime.run(context);
    const global = context.global;
    const harness = (await global.get("__descentHarness", { reference: true })) as ivm.Reference;
    const take = async (name: string) => (await harness.get(name, { reference: true })) as ivm.Reference;
    const refs = { run: await take("run"), call: await take("call"), logs: await take("logs"), seal: await take("seal") };
    // Learner code must not find the harness (it could only spoil its own run, but there is no need to offer it).
    await global.delete("__descentHarness");
    return new Sandbox(this.isolate, context, refs);
  }

  dispose(): void {
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }
}

/** One submission's context in an IsolateHost's isolate. */
export class Sandbox {
  constructor(
    private readonly isolate: ivm.Isolate,
    private readonly context: ivm.Context,
    private readonly harness: { run: ivm.Reference; call: ivm.Reference; logs: ivm.Reference; seal: ivm.Reference },
  ) {}

  /** Drops this submission's context; the isolate goes on to the next one. */
  release(): void {
    if (this.isolate.isDisposed) return;
    for (const reference of Object.values(this.harness)) reference.release();
    this.context.release();
  }

  /** Ends the isolate, the only way to stop code that is still running. */
  private stop(): void {
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }

  async grade(job: GradeJob, started = performance.now()): Promise<Verdict> {
    const deadline = started + job.limits.timeMs;
    const finish = (partial: Omit<Verdict, "score" | "maxScore" | "durationMs" | "logs">, logs: string): Verdict =>
      boundVerdict({ ...partial, ...scoreOf(partial.tests), logs, durationMs: Math.round(performance.now() - started) });

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

    // Console output is read once, as the first hidden test starts, and never again (hidden-tests.ts);
    // read at the end only when no hidden test ran. An empty reading is a reading too.
    let sealedLogs: string | undefined;
    const { tests, stopped } = await runTests(job.suites, { tf }, (name, args) => this.apply(this.harness.call, [name, args], deadline), {
      beforeHidden: async () => {
        sealedLogs = await this.sealLogs();
      },
    });
    const { score, maxScore } = scoreOf(tests);
    const status = stopped ? stopped.status : score === maxScore ? "passed" : "failed";
    return finish({ status, message: stopped?.message, tests }, sealedLogs !== undefined ? sealedLogs : await this.logs());
  }

  /** Calls into the isolate, copying arguments in and the outcome out, within the deadline. */
  private async apply(reference: ivm.Reference, args: Value[], deadline: number): Promise<CallOutcome> {
    const remaining = Math.floor(deadline - performance.now());
    if (remaining <= 0) throw this.spend(timeLimit());
    let timedOut = false;
    // `timeout` stops synchronous loops; the timer also ends code that waits forever on a promise.
    const timer = setTimeout(() => {
      timedOut = true;
      this.stop();
    }, remaining);
    let outcome: unknown;
    try {
      outcome = await reference.apply(undefined, args, {
        arguments: { copy: true },
        result: { promise: true, copy: true },
        timeout: remaining,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (timedOut || /timed out/i.test(message)) throw this.spend(timeLimit());
      if (/memory limit/i.test(message) || ALLOCATION_FAILURE.test(message)) throw this.spend(memoryLimit());
      if (this.isolate.isDisposed) throw this.spend(new SandboxStopped("crashed", "the sandbox stopped unexpectedly"));
      // Anything else thrown across the boundary (e.g. an uncopyable result) is the learner's doing.
      return { ok: false, message: `your code could not be checked: ${message.slice(0, 300)}` };
    } finally {
      clearTimeout(timer);
    }
    try {
      return checkOutcome(outcome);
    } catch (error) {
      // An allocation the isolate refused leaves it near its limit: it must not grade the next submission.
      if (error instanceof SandboxStopped) throw this.spend(error);
      throw error;
    }
  }

  /** Ends the isolate after a limit was hit, and passes the verdict on. */
  private spend(stopped: SandboxStopped): SandboxStopped {
    this.stop();
    return stopped;
  }

  private async logs(): Promise<string> {
    return this.readLogs(this.harness.logs, VERDICT_LIMITS.logChars);
  }

  /**
   * The output printed before the first hidden test, with a line saying
   * that later output is not shown; the isolate records nothing after this.
   * The notice goes only after output the learner already saw, so whether
   * a hidden test printed anything is not told either.
   */
  private async sealLogs(): Promise<string> {
    const text = await this.readLogs(this.harness.seal, VERDICT_LIMITS.logChars - HIDDEN_LOGS_NOTICE.length - 100);
    return text ? `${text}${text.endsWith("\n") ? "" : "\n"}${HIDDEN_LOGS_NOTICE}\n` : "";
  }

  private async readLogs(reference: ivm.Reference, maxChars: number): Promise<string> {
    if (this.isolate.isDisposed) return "";
    try {
      const text = (await reference.apply(undefined, [], { result: { copy: true }, timeout: 1000 })) as unknown;
      return typeof text === "string" ? truncate(text, maxChars) : "";
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

/**
 * The outcome is data made next to learner code: accept only the expected
 * shape, and bound it here, on the host. The value is copied again with the
 * same budget as inside (size, depth, no cycles), since the copy inside ran
 * where learner code could have changed it.
 */
function checkOutcome(outcome: unknown): CallOutcome {
  if (outcome && typeof outcome === "object" && "ok" in outcome) {
    const o = outcome as { ok: unknown; value?: unknown; message?: unknown; line?: unknown };
    if (o.ok === true) {
      try {
        return { ok: true, value: toValue(o.value) };
      } catch (error) {
        if (error instanceof UnreadableValue) return { ok: false, message: `your function's answer cannot be checked: ${error.message}` };
        throw error;
      }
    }
    if (o.ok === false && typeof o.message === "string") {
      if (ALLOCATION_FAILURE.test(o.message.slice(0, 1_000))) throw memoryLimit();
      return { ok: false, message: truncate(o.message, VERDICT_LIMITS.messageChars), line: typeof o.line === "number" ? o.line : undefined };
    }
  }
  return { ok: false, message: "your code returned an answer that could not be read" };
}
