/**
 * `npm run bench:mnist`: trains the MNIST CNN lesson's own code, on its full
 * budget, in Chromium, the way a learner runs it (Run all on the lesson page
 * of the production build; `npm run build` first), and prints what the lesson
 * measured: one training step and the estimated epoch on every backend, the
 * time of each real epoch, and last the held-out accuracy.
 *
 * Set BENCH_URL to use a server that is already running; otherwise one is
 * started on port 3300 with its own database. BENCH_BUDGET="3000 2" trains on
 * fewer digits or epochs (as the e2e test does).
 */
import { chromium } from "@playwright/test";
import { startBenchServer } from "./bench-server";
import { chromiumLaunchOptions } from "./chromium";

const LESSON = "/learn/mnist-cnn/digits";
const TRAINING_LIMIT_MS = 3 * 60 * 60 * 1000;

const server = await startBenchServer(3300, "bench");
const url = server.url;
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage();
  await page.goto(url + LESSON);
  const cell = (id: string) => page.locator(`.cell[data-cell-id="${id}"]`);

  const budget = process.env.BENCH_BUDGET?.split(/\s+/).map(Number);
  if (budget) {
    // Edit the budget cell as a learner would: through its editor.
    await cell("budget").locator(".cell-code").click();
    await page.locator('.cell[data-cell-id="budget"] .monaco-editor.focused').waitFor({ timeout: 60_000 });
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText(`const TRAIN_SIZE = ${budget[0]};\nconst EPOCHS = ${budget[1]};\nconst BATCH_SIZE = 64;`);
  }
  const budgetCode = await cell("budget").locator(".cell-code").innerText();
  console.log(`MNIST CNN lesson (${LESSON}) in Chromium, budget: ${budgetCode.replace(/\s+/g, " ").trim()}`);

  await page.getByRole("button", { name: "Run all" }).click();
  const started = performance.now();
  await cell("backends").locator("table").waitFor({ timeout: 30 * 60_000 });
  const rows = await cell("backends").locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
  console.log("\nbackend   one training step (32 digits)   one epoch (estimated)");
  for (const [backend = "", step = "", epoch = ""] of rows) console.log(`${backend.padEnd(9)} ${step.padEnd(31)} ${epoch}`);
  console.log(`\n${await cell("backends").locator(".output-value").innerText()}:`);

  // Epoch lines appear as training goes; print each as it comes.
  const epochs = cell("train").locator(".output-log");
  const accuracy = cell("evaluate").locator(".output-log");
  const failure = page.locator(".cell .output-error").first();
  let printed = 0;
  while (performance.now() - started < TRAINING_LIMIT_MS) {
    const lines = await epochs.allInnerTexts();
    for (const line of lines.slice(printed)) console.log(line);
    printed = lines.length;
    if (await failure.count()) throw new Error(`A cell failed: ${await failure.innerText()}`);
    if (await accuracy.count()) break;
    await page.waitForTimeout(2000);
  }
  console.log(`training and evaluation took ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
  console.log(await accuracy.innerText());
} finally {
  await browser.close();
  server.stop();
}
