/**
 * Runs an exercise's tests against the learner's code. Tests are the
 * author's trusted code; the learner's functions are reached only through
 * `call`, which returns plain data. On the server the two never share a heap:
 * `call` crosses into the sandbox isolate, so learner code cannot rewrite a
 * check, an expected value or a score. One source for Check and Submit.
 */
import type { CallOutcome } from "./learner-call";
import { CheckFailure, expect } from "./expect";
import { hiddenTestMessage } from "./hidden-tests";
import { toValue, type Value } from "./values";
import type { TestResult } from "./verdict";

/** A tests file, compiled to JavaScript; `hidden` suites never leave the server. */
export type TestSuite = { file: string; source: string; hidden: boolean };

export type LearnerCall = (name: string, args: Value[]) => Promise<CallOutcome>;

/** Learner code failed inside a call; the message is for the learner. */
class LearnerFailure extends Error {}

/** The sandbox stopped (time or memory limit, crash): no further test can run. */
export class SandboxStopped extends Error {
  constructor(
    readonly status: "time-limit" | "memory-limit" | "crashed",
    message: string,
  ) {
    super(message);
  }
}

/** A test file is broken (the author's mistake, caught by content:check). */
export class TestDefinitionError extends Error {}

type TestOptions = { points?: number; feedback?: string };
type TestBody = () => unknown;
type DefinedTest = { name: string; points: number; feedback?: string; hidden: boolean; file: string; body: TestBody };

export type TestGlobals = { tf: unknown };

/** The object tests call learner functions through: `await learner.mse(a, b)`. */
function learnerProxy(call: LearnerCall): Record<string, (...args: unknown[]) => Promise<Value>> {
  return new Proxy(
    {},
    {
      get(_target, name) {
        // `then` must stay undefined, or `await learner` would treat it as a promise.
        if (typeof name !== "string" || name === "then") return undefined;
        return async (...args: unknown[]) => {
          const outcome = await call(name, args.map(toValue));
          if (!outcome.ok) throw new LearnerFailure(outcome.message);
          return outcome.value;
        };
      },
    },
  );
}

export function defineTests(suites: readonly TestSuite[], globals: TestGlobals, call: LearnerCall): DefinedTest[] {
  const tests: DefinedTest[] = [];
  const learner = learnerProxy(call);
  for (const suite of suites) {
    const test = (name: unknown, optionsOrBody: TestOptions | TestBody, maybeBody?: TestBody) => {
      const options = typeof optionsOrBody === "function" ? {} : optionsOrBody;
      const body = typeof optionsOrBody === "function" ? optionsOrBody : maybeBody;
      if (typeof name !== "string" || name.trim() === "") throw new TestDefinitionError(`${suite.file}: every test needs a name`);
      if (typeof body !== "function") throw new TestDefinitionError(`${suite.file}: test "${name}" has no function to run`);
      const points = options.points ?? 1;
      if (!Number.isInteger(points) || points < 1) throw new TestDefinitionError(`${suite.file}: test "${name}" must be worth a whole number of points (1 or more)`);
      if (tests.some((t) => t.name === name)) throw new TestDefinitionError(`${suite.file}: two tests are named "${name}"`);
      tests.push({ name, points, feedback: options.feedback, hidden: suite.hidden, file: suite.file, body });
    };
    try {
      new Function("test", "expect", "tf", "learner", `"use strict";\n${suite.source}`)(test, expect, globals.tf, learner);
    } catch (error) {
      if (error instanceof TestDefinitionError) throw error;
      throw new TestDefinitionError(`${suite.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return tests;
}

/** Each hidden test's name and the author's `feedback`: what the host needs to hold a verdict to the hidden-test rules (hidden-tests.ts). */
export function hiddenTestFeedback(suites: readonly TestSuite[]): Map<string, string | undefined> {
  const defined = defineTests(suites, { tf: undefined }, async () => ({ ok: false, message: "" }));
  return new Map(defined.filter((test) => test.hidden).map((test) => [test.name, test.feedback]));
}

/** Every test, failed with the same message: for a submission that never got as far as its tests. */
export function failAll(suites: readonly TestSuite[], message: string): TestResult[] {
  return defineTests(suites, { tf: undefined }, async () => ({ ok: false, message })).map((test) => ({
    name: test.name,
    hidden: test.hidden,
    points: 0,
    maxPoints: test.points,
    passed: false,
    message,
  }));
}

export type RunHooks = {
  /**
   * Awaited once, just before the first hidden test starts: the grader stops
   * collecting console output there, since from then on the learner's code
   * sees hidden inputs. A SandboxStopped thrown here stops the run.
   */
  beforeHidden?: () => Promise<void>;
};

/**
 * Runs every test in order. A failed check or a learner error fails that
 * test only; a stopped sandbox fails the rest, unrun. A hidden test's
 * failure carries only the fixed text of hiddenTestMessage, never what the
 * check or the learner's code said, since that is made from hidden inputs.
 */
export async function runTests(
  suites: readonly TestSuite[],
  globals: TestGlobals,
  call: LearnerCall,
  hooks: RunHooks = {},
): Promise<{ tests: TestResult[]; stopped?: SandboxStopped }> {
  const defined = defineTests(suites, globals, call);
  const results: TestResult[] = [];
  let stopped: SandboxStopped | undefined;
  let hiddenStarted = false;
  for (const test of defined) {
    const result: TestResult = { name: test.name, hidden: test.hidden, points: 0, maxPoints: test.points, passed: false };
    const fail = (message: string, finished = true) =>
      results.push({ ...result, message: test.hidden ? hiddenTestMessage(test.feedback, finished) : message });
    if (stopped) {
      fail(`not run: ${stopped.message}`, false);
      continue;
    }
    try {
      if (test.hidden && !hiddenStarted) {
        hiddenStarted = true;
        await hooks.beforeHidden?.();
      }
      await test.body();
      results.push({ ...result, points: test.points, passed: true });
    } catch (error) {
      if (error instanceof SandboxStopped) {
        stopped = error;
        fail(error.message, false);
      } else if (error instanceof CheckFailure || error instanceof LearnerFailure) {
        fail(withFeedback(error.message, test.feedback));
      } else {
        // The test's own code failed: an authoring bug, which content:check reports.
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        fail(`this test could not run (${message}); please tell your instructor`);
      }
    }
  }
  return { tests: results, stopped };
}

function withFeedback(message: string, feedback: string | undefined): string {
  return feedback ? `${message}. ${feedback}` : message;
}
