/**
 * `npm run bench:gpt` (after `npm run build`): the language-model lessons'
 * own cells in Chromium, run as a learner runs them (Run all on each lesson
 * page of the production build), and what they measured:
 * - the character RNN (Sequences) and the small GPT, each trained on its
 *   lesson's budget, and the bigram baseline, all scored on the same held-out
 *   sentences, as validation loss (nats per character) and perplexity;
 * - training and generation tokens per second for the GPT on every backend
 *   the kernel has (the lesson's speed cell; WebGPU with PLATFORM.md's flags).
 *
 * Set BENCH_URL to use a server that is already running. BENCH_GPT_STEPS and
 * BENCH_RNN_STEPS train for fewer steps (the full budgets are the lessons').
 */
import { chromium, type Locator, type Page } from "@playwright/test";
import { startBenchServer } from "./bench-server";
import { chromiumLaunchOptions } from "./chromium";

const RNN_LESSON = "/learn/sequences/char-rnn";
const GPT_LESSON = "/learn/small-gpt/training-a-small-gpt";
const LIMIT_MS = 2 * 60 * 60 * 1000;

const server = await startBenchServer(3301, "bench-gpt");
const browser = await chromium.launch(chromiumLaunchOptions(["--enable-unsafe-webgpu", "--use-webgpu-adapter=swiftshader", "--enable-features=Vulkan"]));

/** Replaces the text of a cell as a learner would, through its editor. */
async function editCell(page: Page, cell: Locator, change: (code: string) => string) {
  const code = change(await cell.locator(".cell-code").innerText());
  await cell.locator(".cell-code").click();
  await cell.locator(".monaco-editor.focused").waitFor({ timeout: 60_000 });
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(code);
}

/** Runs every cell of the page and waits for `done` to appear, failing on the first cell error. */
async function runAll(page: Page, done: Locator) {
  await page.getByRole("button", { name: "Run all" }).click();
  const started = performance.now();
  const failure = page.locator(".cell .output-error").first();
  while (performance.now() - started < LIMIT_MS) {
    // Cells after the measured ones may fail (the serving cells wait for an endpoint to be pasted).
    if (await done.count()) return (performance.now() - started) / 1000;
    if (await failure.count()) throw new Error(`A cell failed: ${await failure.innerText()}`);
    await page.waitForTimeout(2000);
  }
  throw new Error(`The lesson did not finish within ${LIMIT_MS / 60_000} minutes.`);
}

const stepsIn = (page: Page, id: string) => page.locator(`.cell[data-cell-id="${id}"] .cell-code`).innerText().then((code) => code.match(/const\s+STEPS\s*=\s*(\d+)/)?.[1]);

try {
  // The character RNN: its evaluation cell prints its held-out cross-entropy.
  const rnnPage = await browser.newPage();
  await rnnPage.goto(server.url + RNN_LESSON);
  const rnnCell = (id: string) => rnnPage.locator(`.cell[data-cell-id="${id}"]`);
  if (process.env.BENCH_RNN_STEPS) await editCell(rnnPage, rnnCell("train"), (code) => code.replace(/const\s+steps\s*=\s*\d+;/, `const steps = ${process.env.BENCH_RNN_STEPS};`));
  const rnnLine = rnnCell("evaluate").locator(".output-log").filter({ hasText: /^held-out:/ });
  const rnnSeconds = await runAll(rnnPage, rnnLine);
  const rnn = Number((await rnnLine.innerText()).match(/([\d.]+) nats per character/)![1]);
  // The training cell's own report: "N steps in S s; …".
  const rnnTraining = await rnnCell("train").locator(".output-log").filter({ hasText: / steps in / }).innerText();
  console.log(`character RNN (${RNN_LESSON}): ${rnnTraining.split(";")[0]}, the lesson in ${rnnSeconds.toFixed(0)} s`);
  await rnnPage.close();

  // The GPT: its comparison table holds the bigram's and the GPT's numbers on the same held-out text.
  const page = await browser.newPage();
  await page.goto(server.url + GPT_LESSON);
  const cell = (id: string) => page.locator(`.cell[data-cell-id="${id}"]`);
  if (process.env.BENCH_GPT_STEPS) await editCell(page, cell("budget"), (code) => code.replace(/const\s+STEPS\s*=\s*\d+;/, `const STEPS = ${process.env.BENCH_GPT_STEPS};`));
  const comparison = cell("compare").locator("table");
  const gptSeconds = await runAll(page, comparison);
  console.log(`small GPT (${GPT_LESSON}): ${await stepsIn(page, "budget")} steps, the lesson in ${gptSeconds.toFixed(0)} s; ${await cell("speed").locator(".output-value").innerText()}`);

  const rows = await comparison.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
  const nats = (prefix: string) => Number(rows.find(([model]) => model!.startsWith(prefix))![1]);
  const [bigram, gpt] = [nats("bigram"), nats("GPT")];
  console.log(`held-out text: ${await cell("compare").locator(".output-log").innerText()}`);
  console.log(`validation loss: bigram ${bigram.toFixed(3)}, rnn ${rnn.toFixed(3)}, gpt ${gpt.toFixed(3)}`);
  console.log(`perplexity: bigram ${Math.exp(bigram).toFixed(2)}, rnn ${Math.exp(rnn).toFixed(2)}, gpt ${Math.exp(gpt).toFixed(2)}`);

  console.log("\nbackend   training                              generation");
  const speeds = await cell("speed").locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
  for (const [backend = "", training = "", generation = ""] of speeds) console.log(`${backend.padEnd(9)} ${training.padEnd(37)} ${generation}`);
} finally {
  await browser.close();
  server.stop();
}
