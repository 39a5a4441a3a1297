import { describe, expect, it } from "vitest";
import { HIDDEN_TEST_FAILED, HIDDEN_TEST_NOT_GRADED, redactHiddenTests } from "./hidden-tests";
import { hiddenTestFeedback, runTests, SandboxStopped, type TestSuite } from "./run-tests";
import type { Verdict } from "./verdict";

const suites: TestSuite[] = [
  { file: "public-tests.ts", hidden: false, source: `test("public", async () => expect.equal(await learner.f(1), 2));` },
  {
    file: "hidden-tests.ts",
    hidden: true,
    source: `
test("hidden", async () => expect.equal(await learner.f(41), 42));
test("hidden with feedback", { feedback: "add one, even to negative numbers" }, async () => expect.equal(await learner.f(-5), -4));`,
  },
];

describe("hidden tests in the test runner", () => {
  it("fail with fixed text or the author's feedback, never the values compared", async () => {
    const { tests } = await runTests(suites, { tf: undefined }, async (_name, args) => ({ ok: true, value: (args[0] as number) * 2 }));
    expect(tests.map((t) => t.message)).toEqual([undefined, HIDDEN_TEST_FAILED, "add one, even to negative numbers"]);
    expect(JSON.stringify(tests)).not.toMatch(/82|-10|42/);
  });

  it("hide what the learner's code threw, and a stop, too", async () => {
    const thrown = await runTests(suites, { tf: undefined }, async (_name, args) => ({ ok: false, message: `I was given ${JSON.stringify(args)}` }));
    expect(thrown.tests.map((t) => t.message)).toEqual(["I was given [1]", HIDDEN_TEST_FAILED, "add one, even to negative numbers"]);
    const stopped = await runTests(suites, { tf: undefined }, async (_name, args) => {
      if (args[0] === 41) throw new SandboxStopped("time-limit", "time limit exceeded");
      return { ok: true, value: (args[0] as number) + 1 };
    });
    expect(stopped.tests.map((t) => [t.passed, t.message])).toEqual([
      [true, undefined],
      [false, HIDDEN_TEST_NOT_GRADED],
      [false, HIDDEN_TEST_NOT_GRADED],
    ]);
  });

  it("call beforeHidden once, before the first hidden test calls the learner", async () => {
    const events: string[] = [];
    await runTests(suites, { tf: undefined }, async (_name, args) => (events.push(`call ${String(args[0])}`), { ok: true, value: (args[0] as number) + 1 }), {
      beforeHidden: async () => void events.push("sealed"),
    });
    expect(events).toEqual(["call 1", "sealed", "call 41", "call -5"]);
  });
});

describe("redactHiddenTests, on the host", () => {
  const verdict = (status: Verdict["status"]): Verdict => ({
    status,
    score: 1,
    maxScore: 3,
    logs: "",
    durationMs: 5,
    tests: [
      { name: "public", hidden: false, points: 1, maxPoints: 1, passed: true },
      // Forged: marked public, with the hidden inputs in its message and an extra field.
      { name: "hidden", hidden: false, points: 0, maxPoints: 1, passed: false, message: "f(41) was 82", ...{ extra: "41" } },
      { name: "hidden with feedback", hidden: true, points: 0, maxPoints: 1, passed: false, message: "f(-5) was -10" },
    ],
  });

  it("keeps only the name, points, pass or fail and the allowed text of every test the host knows is hidden", () => {
    const redacted = redactHiddenTests(verdict("failed"), hiddenTestFeedback(suites));
    expect(redacted.tests).toEqual([
      { name: "public", hidden: false, points: 1, maxPoints: 1, passed: true },
      { name: "hidden", hidden: true, points: 0, maxPoints: 1, passed: false, message: HIDDEN_TEST_FAILED },
      { name: "hidden with feedback", hidden: true, points: 0, maxPoints: 1, passed: false, message: "add one, even to negative numbers" },
    ]);
  });

  it("says 'not graded' for a submission that stopped, and redacts a test the verdict marks hidden even if the host does not know it", () => {
    const redacted = redactHiddenTests(verdict("time-limit"), new Map());
    expect(redacted.tests.map((t) => [t.hidden, t.message])).toEqual([
      [false, undefined],
      [false, "f(41) was 82"],
      [true, HIDDEN_TEST_NOT_GRADED],
    ]);
  });
});
