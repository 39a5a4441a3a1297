/**
 * The grading sandbox against hostile and broken submissions, through the
 * real pool of grader processes. Every case must end in a clear verdict,
 * and the pool must go on grading the next submission correctly.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraderPool } from "./pool";
import { poolOptions } from "./pool-options";
import { parseEnv } from "@/lib/env";
import { failAll, type TestSuite } from "@/lib/cell-runtime/run-tests";
import { HIDDEN_LOGS_NOTICE, HIDDEN_TEST_FAILED, HIDDEN_TEST_NOT_GRADED } from "@/lib/cell-runtime/hidden-tests";
import type { Verdict } from "@/lib/cell-runtime/verdict";

const suites: TestSuite[] = [
  {
    file: "public-tests.ts",
    hidden: false,
    source: `
test("mse of a known pair", { points: 2 }, async () => {
  const got = await learner.mse(tf.tensor([1, 2, 3]), tf.tensor([1, 2, 5]));
  expect.shape(got, []);
  expect.close(got, 4 / 3);
});`,
  },
  {
    file: "hidden-tests.ts",
    hidden: true,
    source: `
test("mse of a 2-d batch", async () => {
  const got = await learner.mse(tf.tensor([[0], [3]]), tf.tensor([[1], [1]]));
  expect.close(got, 2.5);
});`,
  },
];

const CORRECT = "function mse(yTrue: tf.Tensor, yPred: tf.Tensor) { return yTrue.sub(yPred).square().mean(); }";
const TIME_MS = 2000;

let pool: GraderPool;
const grade = (code: string, timeMs = TIME_MS): Promise<Verdict> => pool.grade({ code, suites, limits: { timeMs } }, failAll(suites, "lost"));

/** After any verdict, the same pool still grades a correct submission correctly. */
async function expectPoolStillWorks() {
  const verdict = await grade(CORRECT);
  expect(verdict.status).toBe("passed");
  expect(verdict.score).toBe(3);
}

beforeAll(() => {
  pool = new GraderPool({ ...poolOptions(parseEnv({})), size: 2 });
});
afterAll(() => pool.close());

describe("grading", () => {
  it("gives full marks to a correct submission", async () => {
    const verdict = await grade(CORRECT);
    expect(verdict).toMatchObject({ status: "passed", score: 3, maxScore: 3 });
    expect(verdict.tests.map((t) => [t.name, t.hidden, t.passed])).toEqual([
      ["mse of a known pair", false, true],
      ["mse of a 2-d batch", true, true],
    ]);
  });

  it("gives a partial score with a teaching message", async () => {
    const verdict = await grade("function mse(a, b) { return a.sub(b).square().sum(); }");
    expect(verdict.status).toBe("failed");
    expect(verdict.score).toBe(0);
    expect(verdict.tests[0]?.message).toBe("value is 4, expected 1.33333 ± 1.433e-5");
  });

  it("reports a syntax error with its line", async () => {
    const verdict = await grade("// one\nfunction mse(a, b) {\n  return a.sub(b).square(.mean();\n}");
    expect(verdict).toMatchObject({ status: "syntax-error", line: 3, score: 0 });
    expect(verdict.tests.every((t) => t.message === "not run: your code has a syntax error")).toBe(true);
  });

  it("reports a missing function by name", async () => {
    const verdict = await grade("const x = 1;");
    expect(verdict.tests[0]?.message).toMatch(/there is no function called `mse`/);
  });

  it("reports a runtime error with its line", async () => {
    const verdict = await grade("function mse(a, b) {\n  return a.nope();\n}");
    expect(verdict.tests[0]?.message).toMatch(/`mse` threw TypeError: a.nope is not a function \(line 2\)/);
  });
});

describe("hostile code gets a verdict, and the pool keeps serving", () => {
  it.each([
    ["an infinite loop", "while (true) {}"],
    ["an infinite loop inside the graded function", "function mse() { for (;;) {} }"],
    ["an infinite async loop", "async function mse() { while (true) await null; }"],
    ["a promise that never resolves", "function mse() { return new Promise(() => {}); }"],
    ["a top-level await that never resolves", "await new Promise(() => {});"],
  ])("time limit: %s", async (_name, code) => {
    const started = performance.now();
    const verdict = await grade(code);
    expect(verdict.status).toBe("time-limit");
    expect(verdict.message).toMatch(/time limit exceeded/);
    expect(performance.now() - started).toBeLessThan(TIME_MS + 2000);
    await expectPoolStillWorks();
  });

  it.each([
    ["a string spread into a huge array", "const x = [...'.'.repeat(1e9)];"],
    ["a huge tensor", "function mse() { return tf.zeros([1e5, 1e5]); }"],
    ["ever more arrays", "const kept = []; while (true) kept.push(new Array(1e6).fill(1));"],
    ["ever more tensors", "const kept = []; while (true) kept.push(tf.ones([1000, 1000]));"],
    ["a huge typed array", "const big = new Float64Array(2 ** 31);"],
  ])("memory limit: %s", async (_name, code) => {
    const verdict = await grade(code);
    expect(verdict.status).toBe("memory-limit");
    expect(verdict.message).toMatch(/memory limit exceeded/);
    await expectPoolStillWorks();
  });

  it("deep recursion is a runtime error", async () => {
    const verdict = await grade("function down(n) { return down(n + 1) + 1; }\ndown(0);");
    expect(verdict.status).toBe("runtime-error");
    expect(verdict.message).toMatch(/RangeError: Maximum call stack size exceeded/);
    await expectPoolStillWorks();
  });

  it("giant console output is capped", async () => {
    const verdict = await grade(`for (let i = 0; i < 1e6; i++) console.log("x".repeat(1000));\n${CORRECT}`);
    expect(verdict.status).toBe("passed");
    expect(verdict.logs.length).toBeLessThanOrEqual(25_000);
    expect(verdict.logs).toMatch(/more lines not shown/);
  });

  it("sees no require, process, fetch, timers, import() or harness", async () => {
    const probe = `function mse() {
      return [typeof require, typeof process, typeof fetch, typeof setTimeout, typeof setInterval, typeof module,
              typeof globalThis.__descentHarness, typeof Buffer, typeof XMLHttpRequest].filter((t) => t !== "undefined").length;
    }`;
    const verdict = await grade(probe);
    expect(verdict.tests[0]?.message).toBe("expected a tensor of shape [], got the number 0");
    const importVerdict = await grade("async function mse() { return await import('node:fs'); }");
    expect(importVerdict.tests[0]?.message).toMatch(/`mse` threw/);
  });

  it.each([
    ["the Function constructor", "this.constructor.constructor('return process')().exit(1);"],
    ["globalThis", "globalThis.process.exit(1);"],
    ["an async function's constructor", "(async () => {}).constructor('return process')().then((p) => p.exit(1));"],
    [
      "Error.prepareStackTrace",
      "Error.prepareStackTrace = (e, frames) => frames.map((f) => f.getThis()); const frames = new Error().stack; frames.find((t) => t && t.process).process.exit(1);",
    ],
  ])("cannot reach the host through %s", async (_name, code) => {
    const verdict = await grade(code);
    expect(verdict.status).toBe("runtime-error");
    await expectPoolStillWorks();
  });

  it("cannot change the tests by overriding Math, prototypes, tf or the helpers", async () => {
    const code = `
      Math.abs = () => 0;
      Array.prototype.every = () => true;
      Object.prototype.passed = true;
      Object.defineProperty(Object.prototype, "ok", { get: () => true, configurable: true });
      tf.Tensor.prototype.dataSync = function () { return new Float32Array([4 / 3]); };
      globalThis.expect = { close() {}, shape() {} };
      globalThis.test = () => {};
      function mse(a, b) { return tf.scalar(0); }`;
    const verdict = await grade(code);
    expect(verdict.tests.map((t) => t.passed)).toEqual([true, false]);
    expect(verdict.tests[1]?.message).toBe(HIDDEN_TEST_FAILED);
  });

  it("cannot read or change another submission's globals, built-ins or tensors, though isolates are reused", async () => {
    // Both graders run the first submission, so whichever grades the second has seen it.
    const polluter = `globalThis.secret = "answer"; var leaked = tf.variable(tf.scalar(42), true, "leak");
      Object.prototype.polluted = true; Math.abs = () => 0; Array.prototype.map = () => [];
      tf.Tensor.prototype.dataSync = () => new Float32Array([4 / 3]); ${CORRECT}`;
    await Promise.all([grade(polluter), grade(polluter)]);
    const verdict = await grade(`function mse() {
      const clean = typeof globalThis.secret === "undefined" && typeof leaked === "undefined" && ({}).polluted === undefined &&
        Math.abs(-1) === 1 && [1].map((x) => x + 1)[0] === 2 && tf.tensor([7]).dataSync()[0] === 7;
      // Only this call's two arguments and the tensor made above exist: nothing from before.
      return clean ? tf.memory().numTensors : -1;
    }`);
    expect(verdict.tests[0]?.message).toBe("expected a tensor of shape [], got the number 3");
  });

  it("a grader process that dies mid-submission is replaced, and the submission gets a verdict", async () => {
    const before = pool.pids;
    const pending = grade("while (true) {}", 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const pid of before) process.kill(pid, "SIGKILL");
    const verdict = await pending;
    expect(verdict.status).toBe("crashed");
    expect(verdict.tests.every((t) => !t.passed)).toBe(true);
    await expectPoolStillWorks();
    expect(pool.pids.some((pid) => before.includes(pid))).toBe(false);
  });
});

describe("hidden tests stay hidden in the grader", () => {
  // The hidden test's inputs, as JSON: what a leak would contain.
  const HIDDEN_INPUTS = ["[[0],[3]]", "[[1],[1]]"];
  const expectNoHiddenInputs = (verdict: Verdict) => {
    for (const input of HIDDEN_INPUTS) expect(JSON.stringify(verdict)).not.toContain(input);
  };
  const show = "const show = (t) => JSON.stringify(t.arraySync());";

  it("returns console output only up to the first hidden test, and says so", async () => {
    const verdict = await grade(`${show} console.log("top level");
      function mse(a, b) { console.log("called with", show(a), show(b)); return a.sub(b).square().mean(); }`);
    expect(verdict.status).toBe("passed");
    expect(verdict.logs).toBe(`top level\ncalled with [1,2,3] [1,2,5]\n${HIDDEN_LOGS_NOTICE}\n`);
    expectNoHiddenInputs(verdict);
    await expectPoolStillWorks();
  });

  it("drops output from callbacks that fire during or after a hidden test, even ones set up before it", async () => {
    const verdict = await grade(`${show} const seen = [];
      let release; new Promise((resolve) => { release = resolve; }).then(() => console.log("released", seen.join(" ")));
      function mse(a, b) {
        seen.push(show(a));
        Promise.resolve().then(() => console.log("callback", show(a), show(b)));
        if (seen.length === 2) release();
        return a.sub(b).square().mean();
      }`);
    expect(verdict.status).toBe("passed");
    expect(verdict.logs).toBe(`callback [1,2,3] [1,2,5]\n${HIDDEN_LOGS_NOTICE}\n`);
    expectNoHiddenInputs(verdict);
    await expectPoolStillWorks();
  });

  it("adds no notice when nothing was printed before the hidden tests, so a hidden test's printing tells nothing", async () => {
    const verdict = await grade(`function mse(a, b) { if (a.rank === 2) console.log(JSON.stringify(a.arraySync())); return a.sub(b).square().mean(); }`);
    expect(verdict.logs).toBe("");
  });

  it("fails a hidden test with a fixed message, however it failed", async () => {
    for (const code of [
      "function mse(a, b) { return a.sub(b).square().sum(); }",
      `${show} function mse(a, b) { if (a.rank === 2) throw new Error(show(a) + show(b)); return a.sub(b).square().mean(); }`,
      `${show} function mse(a, b) { return a.rank === 2 ? show(a) : a.sub(b).square().mean(); }`,
    ]) {
      const verdict = await grade(code);
      expect(verdict.status).toBe("failed");
      expect(verdict.tests[1]).toEqual({ name: "mse of a 2-d batch", hidden: true, points: 0, maxPoints: 1, passed: false, message: HIDDEN_TEST_FAILED });
      expectNoHiddenInputs(verdict);
    }
    // A public test still says what went wrong.
    const publicFailure = await grade("function mse(a, b) { throw new Error(JSON.stringify(a.arraySync())); }");
    expect(publicFailure.tests[0]?.message).toContain("[1,2,3]");
    expect(publicFailure.tests[1]?.message).toBe(HIDDEN_TEST_FAILED);
    await expectPoolStillWorks();
  });

  it("a time-out inside a hidden test shows the limit, not where or on what", async () => {
    const verdict = await grade("function mse(a, b) { if (a.rank === 2) while (true) {} return a.sub(b).square().mean(); }");
    expect(verdict.status).toBe("time-limit");
    expect(verdict.message).toMatch(/^time limit exceeded/);
    expect(verdict.tests.map((t) => [t.passed, t.message])).toEqual([
      [true, undefined],
      [false, HIDDEN_TEST_NOT_GRADED],
    ]);
    await expectPoolStillWorks();
  });
});

describe("everything that leaves the sandbox is bounded on the host", () => {
  const verdictBytes = (verdict: Verdict) => Buffer.byteLength(JSON.stringify(verdict));

  it.each([
    ["an error whose name is 30 MB", "function mse() { const e = new Error('x'); e.name = 'N'.repeat(30e6); throw e; }"],
    ["a 30 MB error message, with slice replaced so no cap inside works", "String.prototype.slice = function () { return this; }; function mse() { throw new Error('m'.repeat(30e6)); }"],
    ["a 30 MB top-level throw", "throw new Error('t'.repeat(30e6));"],
    ["console output with slice and every cap inside replaced", "String.prototype.slice = function () { return this; }; for (let i = 0; i < 50; i++) console.log('L'.repeat(1e6)); function mse(a, b) { return a.sub(b).square().mean(); }"],
  ])("%s: the verdict stays under 64 KiB and says what was cut", async (_name, code) => {
    const verdict = await grade(code);
    expect(verdictBytes(verdict)).toBeLessThanOrEqual(64 * 1024);
    expect(JSON.stringify(verdict)).toMatch(/truncated: [\d,]+ more characters/);
    await expectPoolStillWorks();
  });

  it("a returned value too large to check is a failed test, not a 30 MB copy", async () => {
    const verdict = await grade("String.prototype.slice = function () { return this; }; function mse() { return 'v'.repeat(30e6); }");
    expect(verdict.status).toBe("failed");
    expect(verdict.tests[0]?.message).toMatch(/too large to check/);
    expect(verdictBytes(verdict)).toBeLessThan(8 * 1024);
    await expectPoolStillWorks();
  });

  it("offers no WebAssembly, SharedArrayBuffer or Atomics, whose memory the isolate's limit does not count", async () => {
    const verdict = await grade(
      "function mse(a, b) { if (typeof WebAssembly + typeof SharedArrayBuffer + typeof Atomics !== 'undefinedundefinedundefined') throw new Error(typeof WebAssembly); return a.sub(b).square().mean(); }",
    );
    expect(verdict.status).toBe("passed");
    const memory = await grade("const m = new WebAssembly.Memory({ initial: 10000 }); function mse(a, b) { return a.sub(b).square().mean(); }");
    expect(memory.status).toBe("runtime-error");
    expect(memory.message).toMatch(/WebAssembly is not defined/);
    await expectPoolStillWorks();
  });
});

describe("the pool's own limits", () => {
  it("kills a grader whose memory passes its cap and answers with a memory verdict", async () => {
    const small = new GraderPool({ ...poolOptions(parseEnv({})), size: 1, sandboxMemoryMb: 2048, rssLimitMb: 300 });
    try {
      const verdict = await small.grade(
        { code: "const kept = []; while (true) kept.push(new Float64Array(1e6));", suites, limits: { timeMs: 20_000 } },
        failAll(suites, "lost"),
      );
      expect(verdict.status).toBe("memory-limit");
      const next = await small.grade({ code: CORRECT, suites, limits: { timeMs: TIME_MS } }, failAll(suites, "lost"));
      expect(next.status).toBe("passed");
    } finally {
      await small.close();
    }
  });
});
