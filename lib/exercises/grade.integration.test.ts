/**
 * Hidden tests stay hidden, through the path a learner's submission takes:
 * the course's own "losses" exercise, graded by real grader processes, then
 * held to the hidden-test rules again by gradeSubmission on the web server's
 * side. After every hostile submission a correct one is still graded correctly.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraderPool } from "@/lib/grading/pool";
import { poolOptions } from "@/lib/grading/pool-options";
import { parseEnv } from "@/lib/env";
import { HIDDEN_LOGS_NOTICE, HIDDEN_TEST_FAILED } from "@/lib/cell-runtime/hidden-tests";
import type { TestResult, Verdict } from "@/lib/cell-runtime/verdict";
import { gradeSubmission } from "./grade";
import { readExercises, type Exercise } from "./load";

/** A pool whose verdicts can be tampered with on their way out, as a subverted grader process could. */
class TamperingPool extends GraderPool {
  tamper?: (verdict: Verdict) => Verdict;

  override async grade(...args: Parameters<GraderPool["grade"]>): Promise<Verdict> {
    const verdict = await super.grade(...args);
    return this.tamper ? this.tamper(verdict) : verdict;
  }
}

/** What the hidden tests pass to the learner's functions, and the answers they expect, as they would be printed. */
const HIDDEN_VALUES = ["[[1,2],[3,4]]", "[[0,2],[3,6]]", "[0.5,-2,7]", "[1,0,0,1]", "[1,0,1,0]", "[[0.7,0.1],[0.4,0.95]]", "1.25"];
const expectNoHiddenValues = (verdict: Verdict) => {
  const text = JSON.stringify(verdict);
  for (const value of HIDDEN_VALUES) expect(text).not.toContain(value);
};
/** Learner code that prints a tensor, rounded so that float32 noise cannot hide a leak from the checks above. */
const SHOW = "const show = (t) => JSON.stringify(t.arraySync(), (_key, v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v));";
const hiddenOf = (verdict: Verdict) => verdict.tests.filter((t) => t.hidden);

let pool: TamperingPool;
let exercise: Exercise;
const grade = (code: string) => gradeSubmission(pool, exercise, code);

async function expectCorrectStillGraded() {
  const verdict = await grade(exercise.solution);
  expect(verdict).toMatchObject({ status: "passed", score: 9, maxScore: 9 });
}

beforeAll(async () => {
  pool = new TamperingPool({ ...poolOptions(parseEnv({})), size: 1 });
  const { exercises, problems } = await readExercises(path.resolve("content"));
  expect(problems).toEqual([]);
  exercise = exercises.find((e) => e.id === "losses")!;
});
afterAll(() => pool.close());

describe("a learner's submission", () => {
  it("that prints its arguments gets back the public tests' inputs, none of the hidden ones", async () => {
    const verdict = await grade(`${SHOW}
      function mse(a, b) { console.log("mse", show(a), show(b)); return a.sub(b).square().mean(); }
      function binaryCrossEntropy(y, p) {
        console.log("bce", show(y), show(p));
        Promise.resolve().then(() => console.log("later", show(p)));
        return tf.scalar(0);
      }`);
    expect(verdict.logs).toContain("mse [1,2,3] [1,2,5]");
    expect(verdict.logs).toContain("bce [1,0,1] [0.9,0.2,0.6]");
    expect(verdict.logs.endsWith(`${HIDDEN_LOGS_NOTICE}\n`)).toBe(true);
    expectNoHiddenValues(verdict);
    await expectCorrectStillGraded();
  });

  it("that fails hidden tests, or throws their inputs back, learns which failed and nothing of their values", async () => {
    const verdict = await grade(`${SHOW}
      function mse(a, b) { return a.sub(b).square().sum(); }
      function binaryCrossEntropy(y, p) { throw new Error("inputs " + show(y) + " " + show(p)); }`);
    expect(verdict.status).toBe("failed");
    // The public tests still teach: their messages say what came back.
    expect(verdict.tests.find((t) => t.name === "mse of a known pair")?.message).toMatch(/^value is 4, expected 1.33333/);
    expect(verdict.tests.find((t) => t.name === "bce of the lesson's worked example")?.message).toContain("[1,0,1]");
    const failedHidden = hiddenOf(verdict).filter((t) => !t.passed);
    expect(failedHidden.map((t) => t.name)).toEqual(["mse of a batch is one number", "bce stays finite when a prediction is exactly 0 or 1", "bce of a 2-d batch averages every element"]);
    expect(failedHidden.every((t) => t.message === HIDDEN_TEST_FAILED)).toBe(true);
    expect(hiddenOf(verdict).filter((t) => t.passed).every((t) => t.message === undefined)).toBe(true);
    expectNoHiddenValues(verdict);
    await expectCorrectStillGraded();
  });
});

describe("the web server does not take the grader's word for it", () => {
  it("strips a message forged for a hidden test, even one the grader marked public", async () => {
    const forged = (test: TestResult): TestResult & { leak?: string } =>
      test.name.startsWith("mse of a batch") || test.name.startsWith("bce of a 2-d")
        ? { ...test, hidden: false, passed: false, points: 0, message: "forged: the inputs were [[1,2],[3,4]] and [[0,2],[3,6]]", leak: "[[0.7,0.1],[0.4,0.95]]" }
        : test;
    pool.tamper = (verdict) => ({ ...verdict, tests: verdict.tests.map(forged) });
    try {
      const verdict = await grade(exercise.solution);
      const batch = verdict.tests.find((t) => t.name === "mse of a batch is one number");
      expect(batch).toEqual({ name: "mse of a batch is one number", hidden: true, points: 0, maxPoints: 1, passed: false, message: HIDDEN_TEST_FAILED });
      expect(verdict.tests.find((t) => t.name === "bce of a 2-d batch averages every element")).toMatchObject({ hidden: true, message: HIDDEN_TEST_FAILED });
      expectNoHiddenValues(verdict);
    } finally {
      pool.tamper = undefined;
    }
    await expectCorrectStillGraded();
  });

  it("still shows an author the hidden tests' messages, for content:check's known-wrong solutions", async () => {
    const wrong = exercise.wrongSolutions.find((w) => w.test === "mse of a batch is one number")!;
    const asAuthor = await gradeSubmission(pool, exercise, wrong.code, { forAuthor: true });
    expect(asAuthor.tests.find((t) => t.name === wrong.test)).toMatchObject({ hidden: true, passed: false, message: expect.stringContaining(wrong.message) });
    const asLearner = await grade(wrong.code);
    expect(asLearner.tests.find((t) => t.name === wrong.test)).toMatchObject({ hidden: true, passed: false, message: HIDDEN_TEST_FAILED });
  });
});
