import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Exercise } from "./load";
import { scanClientOutput } from "./secrets-scan";

const exercise = {
  id: "losses",
  dir: "content/loss-functions/exercises/losses",
  starter: "function mse(a, b) { return tf.scalar(0); }",
  solution: "function mse(yTrue, yPred) {\n  return tf.tidy(() => yPred.sub(yTrue).square().mean());\n}",
  prompt: { file: "prompt.mdx", source: "Write mse." },
  hints: [],
  publicTests: { file: "public-tests.ts", hidden: false, source: 'test("a public test", () => {});' },
  hiddenTests: { file: "hidden-tests.ts", hidden: true, source: 'test("mse of a batch is one number", async () => {\n  expect.shape(await learner.mse(tf.tensor([[1, 2]]), tf.tensor([[0, 2]])), []);\n});' },
} as unknown as Exercise;

const dir = mkdtempSync(path.join(tmpdir(), "descent-scan-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function build(files: Record<string, string>): string {
  const nextDir = path.join(dir, String(Math.random()).slice(2));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(nextDir, name)), { recursive: true });
    writeFileSync(path.join(nextDir, name), text);
  }
  return nextDir;
}

describe("the client-output scan", () => {
  it("passes a build with only public material", () => {
    const nextDir = build({ "static/chunks/a.js": `var s=${JSON.stringify(exercise.starter)};`, "server/app/learn/x.html": "<p>Write mse.</p>" });
    expect(scanClientOutput(nextDir, [exercise], []).problems).toEqual([]);
  });

  it("finds a solution inlined into a chunk, even minified", () => {
    const nextDir = build({ "static/chunks/b.js": "function mse(yTrue,yPred){return tf.tidy(()=>yPred.sub(yTrue).square().mean())}" });
    const { problems } = scanClientOutput(nextDir, [exercise], []);
    expect(problems.map((p) => p.file)).toEqual(["content/loss-functions/exercises/losses/solution.ts"]);
    expect(problems[0]?.message).toMatch(/a secret reached the browser: .*b\.js contains/);
  });

  it("finds a hidden test in page data", () => {
    const nextDir = build({ "server/app/learn/x.rsc": `1:["$","div",null,{"tests":"test(\\"mse of a batch is one number\\", ..."}]` });
    expect(scanClientOutput(nextDir, [exercise], []).problems.map((p) => p.file)).toEqual(["content/loss-functions/exercises/losses/hidden-tests.ts"]);
  });
});
