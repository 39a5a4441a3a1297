/**
 * `npm run bench:kernel` (after `npm run build`): the notebook kernel's cost,
 * measured in Debian's headless Chromium against the production server. It
 * prints numbers; it asserts nothing. Compare ratios from one run: these
 * machines are noisy.
 *
 * 1. Overhead: the seed CNN trained for a fixed number of batches inside the
 *    kernel (live chart on), and the same training with bare tfjs on the page.
 * 2. Backends: the same training on each backend the kernel offers, in the
 *    kernel and on a bare page with the same backend (kernel/bare ratio per
 *    backend), WebGPU included: the kernel's own origin is a secure context.
 * 3. Cold start: navigation to the first cell's output, part by part, with
 *    the bytes downloaded by then; the same on a second visit (warm HTTP
 *    cache); what starting the kernel ahead (a cell in view, the page idle)
 *    costs a reader who never runs a cell, and how soon Run answers after it;
 *    the lesson page's JavaScript before any interaction, against a page with
 *    no notebook.
 * 4. Responsiveness: the longest main-thread task while the CNN trains in the kernel.
 * 5. WASM with and without cross-origin isolation (scripts/bench-wasm-threads.ts).
 *
 * BENCH_ONLY=cold runs section 3 alone; BENCH_ONLY=responsiveness runs
 * section 4 alone, several times (benchResponsiveness).
 *
 * BENCH_WEBGPU=off launches Chromium without WebGPU, as most browsers here
 * are: a first visit then calibrates WebGL alone.
 */
import { chromium, type BrowserContext, type Page, type Request } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium";
import path from "node:path";
import { startBenchServer } from "./bench-server";
import { benchWasmThreads } from "./bench-wasm-threads";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 20);
// The lesson's training cell, whose author time limit (120 s) fits a benchmark run.
const BENCH_CELL = '.cell[data-cell-id="fit-line"]';
const BATCH_SIZE = 64;
/** Fresh browsers for the cold start: its parts vary by hundreds of milliseconds from one visit to the next. */
const VISITS = Number(process.env.BENCH_VISITS ?? 5);

/** The seed CNN, trained on fixed random batches; returns samples per second after two warm-up batches. */
const TRAIN_SOURCE = `
async function trainSeedCnn(tf, batches, batchSize, onBatch) {
  const model = tf.sequential({ layers: [
    tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: "relu" }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: "relu" }),
    tf.layers.maxPooling2d({ poolSize: 2 }),
    tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: "relu" }),
    tf.layers.flatten(),
    tf.layers.dense({ units: 64, activation: "relu" }),
    tf.layers.dense({ units: 10, activation: "softmax" }),
  ] });
  model.compile({ optimizer: "adam", loss: "sparseCategoricalCrossentropy", metrics: ["accuracy"] });
  const xs = tf.randomUniform([batchSize, 28, 28, 1], 0, 1, "float32", 1);
  const ys = tf.floor(tf.randomUniform([batchSize], 0, 10, "float32", 2));
  for (let i = 0; i < 2; i++) await model.trainOnBatch(xs, ys);
  const start = performance.now();
  for (let i = 0; i < batches; i++) {
    const [loss, accuracy] = await model.trainOnBatch(xs, ys);
    onBatch(i, loss, accuracy);
  }
  const seconds = (performance.now() - start) / 1000;
  tf.dispose([xs, ys]);
  model.dispose();
  return (batches * batchSize) / seconds;
}`;

/** Puts code in the benchmark cell through its editor, runs it, and returns the cell's output text once `until` appears. */
async function runInCell(page: Page, code: string, until: RegExp, beforeRun?: () => Promise<void>, timeout = 180_000): Promise<string> {
  const cell = page.locator(BENCH_CELL);
  await cell.locator(".cell-code").click();
  await cell.locator(".monaco-editor.focused").waitFor({ timeout: 60_000 });
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
  await beforeRun?.();
  await page.keyboard.press("Shift+Enter");
  const outputs = cell.locator(".cell-outputs");
  await outputs.filter({ hasText: new RegExp(`${until.source}|Error|Stopped`) }).waitFor({ timeout });
  const text = await outputs.innerText();
  if (!until.test(text)) throw new Error(`The benchmark cell failed:\n${text}`);
  return text;
}

const number = (text: string, label: string) => Number(new RegExp(`${label}: ([\\d.]+)`).exec(text)?.[1] ?? NaN);

const server = await startBenchServer(PORT, "bench-kernel");
const LESSON = `${server.url}/learn/gradient-descent/the-update-rule`;
// With the WebGPU flags from PLATFORM.md, so WebGPU is measured wherever the browser can offer it.
const webgpuFlags = process.env.BENCH_WEBGPU === "off" ? [] : ["--enable-unsafe-webgpu", "--use-webgpu-adapter=swiftshader", "--enable-features=Vulkan"];
const browser = await chromium.launch(chromiumLaunchOptions(webgpuFlags));

/** The kernel's start-up marks (lib/kernel/client.ts) and the first cell's output time, on the page's clock (ms). */
type Visit = { navigationMs: number; loadedMs: number; clickMs: number; outputMs: number; marks: Record<string, number>; bytes: number; scripts: string[] };

/** Bytes a page receives (as sent: compressed where the server compresses), in all and for scripts, until stopped. */
function countTraffic(page: Page) {
  const total = { all: 0, scripts: 0 };
  const scripts: string[] = [];
  const onFinished = async (request: Request) => {
    const sizes = await request.sizes().catch(() => undefined);
    const bytes = (sizes?.responseBodySize ?? 0) + (sizes?.responseHeadersSize ?? 0);
    total.all += bytes;
    if (request.resourceType() === "script") total.scripts += bytes;
  };
  const onRequest = (request: Request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  };
  page.on("requestfinished", onFinished);
  page.on("request", onRequest);
  return {
    total,
    scripts,
    stop: () => {
      page.off("requestfinished", onFinished);
      page.off("request", onRequest);
    },
  };
}

/** Stamps, on the page's own clock, the first click and the moment the first cell shows output (not when the harness polls). */
async function stampFirstOutput(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { firstOutputAt?: number; clickAt?: number };
    const cell = document.querySelector(".cell")!;
    new MutationObserver((_, observer) => {
      if (!cell.querySelector(".cell-outputs")?.textContent) return;
      w.firstOutputAt = performance.now();
      observer.disconnect();
    }).observe(cell, { childList: true, subtree: true, characterData: true });
    document.addEventListener("click", () => (w.clickAt ??= performance.now()), { capture: true });
  });
}

/** Clicks the first cell's Run and waits for its output. */
async function runFirstCell(page: Page) {
  await page.locator(".cell").first().getByRole("button", { name: /^Run cell/ }).click();
  await page.waitForFunction(() => (window as unknown as { firstOutputAt?: number }).firstOutputAt !== undefined, undefined, { timeout: 120_000 });
}

/**
 * Opens the lesson in `page` and runs its first cell at once, as a learner
 * who clicks Run the moment the page is there: times from navigation on the
 * page's own clock, and bytes as sent.
 */
async function visit(page: Page): Promise<Visit> {
  const traffic = countTraffic(page);
  await page.goto(LESSON, { waitUntil: "load" });
  const initialScripts = [...traffic.scripts];
  await stampFirstOutput(page);
  await runFirstCell(page);
  traffic.stop();
  return {
    ...(await page.evaluate(() => {
      const w = window as unknown as { firstOutputAt: number; clickAt: number };
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const marks = Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("kernel:")).map((m) => [m.name, m.startTime]));
      return { navigationMs: navigation.startTime, loadedMs: navigation.loadEventEnd, clickMs: w.clickAt, outputMs: w.firstOutputAt, marks };
    })),
    bytes: traffic.total.all,
    scripts: initialScripts,
  };
}

/**
 * A reader on a first visit who scrolls the first cell into view and reads:
 * the bytes the kernel's start ahead fetches without a click, and then how
 * long Run takes to show the output.
 */
async function startedAhead(context: BrowserContext): Promise<{ bytes: number; clickToOutputMs: number }> {
  const page = await context.newPage();
  await page.goto(LESSON, { waitUntil: "load" });
  const traffic = countTraffic(page);
  await page.locator(".cell").first().scrollIntoViewIfNeeded();
  await page.locator(".kernel-status", { hasText: /^Ready$/ }).waitFor({ timeout: 120_000 });
  await page.waitForLoadState("networkidle");
  traffic.stop();
  await stampFirstOutput(page);
  await runFirstCell(page);
  const clickToOutputMs = await page.evaluate(() => {
    const w = window as unknown as { firstOutputAt: number; clickAt: number };
    return w.firstOutputAt - w.clickAt;
  });
  await page.close();
  return { bytes: traffic.total.all, clickToOutputMs };
}

/** The JavaScript a page's load fetches (as sent), before any interaction. */
async function initialScriptBytes(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const traffic = countTraffic(page);
  await page.goto(url, { waitUntil: "networkidle" });
  traffic.stop();
  await page.close();
  return traffic.total.scripts;
}

/** The cold start, part by part: where the time from navigation to the first output went. */
function breakdown(v: Visit): Array<[string, number]> {
  const m = (name: string) => v.marks[`kernel:${name}`] ?? NaN;
  return [
    ["page: navigation to load event (HTML, page scripts)", v.loadedMs - v.navigationMs],
    ["learner: load event to the click on Run", v.clickMs - v.loadedMs],
    ["placement: the site says where the kernel runs (/api/kernel)", m("placed") - Math.min(m("start"), v.clickMs)],
    ["kernel frame: load its page and script, greet the page", m("greeted") - m("placed")],
    ["kernel frame: create the worker", m("workerCreated") - m("greeted")],
    ["worker scripts: download, parse and compile", m("scriptsLoaded") - m("workerCreated")],
    ["TensorFlow.js: evaluate (no backend yet)", m("tfEvaluated") - m("scriptsLoaded")],
    ["backend: load and start", m("backendReady") - m("tfEvaluated")],
    ["kernel ready to the page", m("ready") - m("backendReady")],
    ["the first cell: run and show (incl. first shader compiles)", v.outputMs - m("ready")],
  ];
}

const firstOutputMs = (v: Visit) => v.outputMs - v.navigationMs;
const median = (visits: Visit[]) => [...visits].sort((a, b) => firstOutputMs(a) - firstOutputMs(b))[Math.floor(visits.length / 2)]!;

/** The median visit, part by part, after every visit's total. */
const printVisits = (label: string, visits: Visit[]) => {
  const v = median(visits);
  console.log(`   ${label}: first output ${Math.round(firstOutputMs(v))} ms (goal 1500; median of ${visits.map((x) => Math.round(firstOutputMs(x))).join(", ")}), ${(v.bytes / 1024).toFixed(0)} KiB downloaded by then`);
  for (const [part, ms] of breakdown(v)) console.log(`      ${part.padEnd(64)} ${Number.isNaN(ms) ? "   n/a" : `${Math.round(ms)}`.padStart(6)} ms`);
};

try {
  // A server that has answered someone already, as a running site has: its first request loads route code.
  await fetch(LESSON);
  await fetch(`${server.url}/api/kernel`);

  if (process.env.BENCH_ONLY === "responsiveness") await benchResponsiveness();
  else await benchAll();
} finally {
  await browser.close();
  server.stop();
}

/** Sections 3, 1, 2, 4 and 5, in that order (BENCH_ONLY=cold: section 3 alone). */
async function benchAll() {
  // 3. Cold start, measured first: VISITS fresh browser contexts (empty HTTP cache, not calibrated), each followed by
  // a second visit in the same context (warm HTTP cache); the median of each kind is broken down.
  const colds: Visit[] = [];
  const warms: Visit[] = [];
  let page!: Page;
  for (let i = 0; i < VISITS; i++) {
    const context = await browser.newContext();
    const first = await context.newPage();
    colds.push(await visit(first));
    await first.close();
    page = await context.newPage();
    warms.push(await visit(page));
    if (i < VISITS - 1) await context.close();
  }
  const cold = median(colds);
  const heavyInInitial = cold.scripts.filter((url) => /monaco|tfjs|kernel/.test(url));
  const ahead = await startedAhead(await browser.newContext());
  const lessonScripts = await initialScriptBytes(await browser.newContext(), LESSON);
  // The course's contents page: the same layout and navigation, no notebook.
  const plainScripts = await initialScriptBytes(await browser.newContext(), `${server.url}/`);

  console.log("3. Cold start: navigation to the first cell's output, Run clicked at once");
  printVisits("first visit (empty cache)", colds);
  printVisits("second visit (warm HTTP cache)", warms);
  console.log(`   scripts loaded before any cell is touched: ${cold.scripts.length}; Monaco, tfjs or kernel among them: ${heavyInInitial.length ? heavyInInitial.join(", ") : "none"}`);
  console.log(`   started ahead (a cell in view, the page idle, no click): ${(ahead.bytes / 1024).toFixed(0)} KiB fetched; then Run to output: ${Math.round(ahead.clickToOutputMs)} ms`);
  console.log(`   page JavaScript before interaction: lesson ${(lessonScripts / 1024).toFixed(1)} KiB, a page without a notebook (/) ${(plainScripts / 1024).toFixed(1)} KiB (difference ${((lessonScripts - plainScripts) / 1024).toFixed(1)} KiB, goal ≤ 15)`);
  console.log("");
  // BENCH_ONLY=cold stops here: the start-up alone, in a minute.
  if (process.env.BENCH_ONLY !== "cold") {
    await printCalibration(page);
    await benchTraining(page);
    console.log("");
    await benchWasmThreads(browser);
  }
}

/**
 * The calibration an idle notebook makes in the background on a first visit
 * (lib/notebook/background-calibration.ts): waited for, so that it does not
 * run beside the training below, and printed per workload.
 */
async function printCalibration(page: Page) {
  const saved = await page.waitForFunction(() => localStorage.getItem("descent:calibration"), undefined, { timeout: 300_000 });
  const { calibration } = JSON.parse((await saved.jsonValue())!) as { calibration: Record<string, { backend: string; millisecondsPerStep: Record<string, number> }> };
  console.log("Calibration (the background kernel's ms per training step; the fastest wins per workload; absent: cannot train it)");
  for (const [workload, { backend, millisecondsPerStep }] of Object.entries(calibration)) {
    const times = Object.entries(millisecondsPerStep).map(([b, ms]) => `${b} ${ms.toFixed(1)}`);
    console.log(`   ${workload.padEnd(9)} → ${backend.padEnd(7)} (${times.join(", ")})`);
  }
  console.log("");
}

/** A task over 50 ms on the page's main thread while training, `at` ms after Run was pressed. */
type LongTask = { at: number; duration: number; owner: string };
/** A long animation frame: its rendering time and its scripts over 5 ms. */
type LongFrame = { at: number; duration: number; rendering: number; scripts: string[] };

/**
 * What filled a long task: the long animation frame it belongs to says how
 * much was rendering and which scripts ran. A task in no such frame ran no
 * script and rendered nothing: garbage collection, or the browser's own work.
 */
function describeLongTask(task: LongTask, frames: LongFrame[]): string {
  const frame = frames.find((f) => f.at <= task.at + 1 && task.at < f.at + f.duration);
  const what = frame
    ? `in a ${Math.round(frame.duration)} ms frame: rendering ${Math.round(frame.rendering)} ms; scripts: ${frame.scripts.join("; ") || "none over 5 ms"}`
    : "no script and no rendering in it (garbage collection, or the browser's own work)";
  return `${Math.round(task.duration)} ms task (${task.owner}), ${Math.round(task.at)} ms after Run: ${what}`;
}

/** Puts the seed CNN in the benchmark cell, with a live chart, runs it, and returns samples per second. */
async function trainInKernel(page: Page, beforeRun?: () => Promise<void>): Promise<number> {
  const output = await runInCell(
    page,
    `${TRAIN_SOURCE}
const chart = display.chart({ title: "bench", x: "batch", series: ["loss", "accuracy"] });
const perSecond = await trainSeedCnn(tf, ${BATCHES}, ${BATCH_SIZE}, (i, loss, accuracy) => chart.push({ loss, accuracy }));
console.log("kernel samples/s: " + perSecond.toFixed(1));`,
    /kernel samples\/s/,
    beforeRun,
  );
  return number(output, "kernel samples/s");
}

/**
 * Section 4: trains in the kernel with a live chart, watching the page's long
 * tasks from the moment the cell runs (not while the editor itself loads).
 */
async function trainWatchingTasks(page: Page): Promise<{ throughput: number; longTasks: LongTask[]; longFrames: LongFrame[] }> {
  const watchLongTasks = async () => {
    await page.waitForTimeout(3000);
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: LongTask[]; longFrames: LongFrame[] };
      const runAt = performance.now();
      w.longTasks = [];
      w.longFrames = [];
      // A long task's name says whose it was: "self" (this page) or a frame's.
      new PerformanceObserver((list) =>
        list.getEntries().forEach((entry) => w.longTasks.push({ at: entry.startTime - runAt, duration: entry.duration, owner: entry.name })),
      ).observe({ type: "longtask" });
      // Long animation frames say what filled a long task: scripts (with their source) or rendering.
      type Frame = PerformanceEntry & { blockingDuration: number; renderStart: number; scripts: Array<{ duration: number; invoker: string; sourceURL: string }> };
      new PerformanceObserver((list) => {
        for (const frame of list.getEntries() as Frame[]) {
          w.longFrames.push({
            at: frame.startTime - runAt,
            duration: frame.duration,
            rendering: frame.renderStart ? frame.startTime + frame.duration - frame.renderStart : 0,
            scripts: frame.scripts.filter((script) => script.duration >= 5).map((script) => `${script.invoker} ${script.sourceURL.split("/").pop()} ${Math.round(script.duration)} ms`),
          });
        }
      }).observe({ type: "long-animation-frame" });
    });
  };
  const throughput = await trainInKernel(page, watchLongTasks);
  const { longTasks, longFrames } = await page.evaluate(() => {
    const w = window as unknown as { longTasks: LongTask[]; longFrames: LongFrame[] };
    return { longTasks: w.longTasks, longFrames: w.longFrames };
  });
  return { throughput, longTasks, longFrames };
}

/** The backend the seed CNN trains on: the page's, unless it cannot train a convolution (WASM, CPU); then WebGL, switched in the badge as a learner would. */
async function convolutionBackend(page: Page): Promise<string> {
  const backend = await page.getByTestId("backend").inputValue();
  if (backend !== "wasm" && backend !== "cpu") return backend;
  await page.getByTestId("backend").selectOption("webgl");
  await page.waitForFunction(
    () => (document.querySelector('[data-testid="backend"]') as HTMLSelectElement | null)?.value === "webgl" && document.querySelector(".kernel-status")?.textContent === "Ready",
    undefined,
    { timeout: 120_000 },
  );
  return "webgl";
}

/** Section 4's line: the browser reports only tasks over 50 ms, so none reported means none was longer. */
function printLongTasks(longTasks: LongTask[], longFrames: LongFrame[]) {
  const durations = longTasks.map((task) => task.duration);
  console.log(`   longest main-thread task while training: ${longTasks.length ? `${Math.max(...durations).toFixed(0)} ms` : "none over 50 ms"} (goal 50); tasks over 50 ms: ${longTasks.length}`);
  for (const task of longTasks) console.log(`   ${describeLongTask(task, longFrames)}`);
}

/**
 * BENCH_ONLY=responsiveness: section 4 alone, BENCH_RUNS times (default 5),
 * each in a fresh browser context, on the page the full run trains on: a
 * second visit (after a first one, closed once its first cell answered) that
 * ran the first cell and calibrated the browser in the background. The longest task varies from run to run (a garbage collection
 * may or may not fall inside the training), so one run says little.
 */
async function benchResponsiveness() {
  console.log("4. Responsiveness while the CNN trains in the kernel, a fresh browser context each run");
  const longest: string[] = [];
  for (let run = 0; run < Number(process.env.BENCH_RUNS ?? 5); run++) {
    const context = await browser.newContext();
    const first = await context.newPage();
    await visit(first);
    await first.close();
    const page = await context.newPage();
    await visit(page);
    await page.waitForFunction(() => localStorage.getItem("descent:calibration"), undefined, { timeout: 300_000 });
    await convolutionBackend(page);
    const { longTasks, longFrames } = await trainWatchingTasks(page);
    console.log(`   run ${run + 1}:`);
    printLongTasks(longTasks, longFrames);
    longest.push(longTasks.length ? `${Math.round(Math.max(...longTasks.map((task) => task.duration)))} ms` : "none");
    await context.close();
  }
  console.log(`   longest task over 50 ms, per run: ${longest.join(", ")}`);
}

/** Sections 1, 2 and 4: training throughput, in the kernel and bare, per backend; the main thread while training. */
async function benchTraining(page: Page) {
  const backend = await convolutionBackend(page);
  const watched = await trainWatchingTasks(page);
  const kernelRuns = [watched.throughput];

  // 1 (bare side): the same training with tfjs on the page itself, same backend, same page load.
  await page.addScriptTag({ path: path.resolve("node_modules/@tensorflow/tfjs/dist/tf.min.js") });
  await page.addScriptTag({ path: path.resolve("node_modules/@tensorflow/tfjs-backend-webgpu/dist/tf-backend-webgpu.min.js") });
  await page.addScriptTag({ path: path.resolve("node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.min.js") });
  await page.evaluate((base) => (window as unknown as { tf: { wasm: { setWasmPaths(p: string): void } } }).tf.wasm.setWasmPaths(`${base}/tfjs/`), server.url);
  /** Samples per second with bare tfjs on the page, on `backendName`; NaN where the page cannot start it or train on it. */
  const trainBare = (backendName: string, batches = BATCHES) => page.evaluate(
    async ({ source, batches, batchSize, backend }) => {
      const tf = (window as unknown as { tf: { setBackend(b: string): Promise<boolean>; ready(): Promise<void> } }).tf;
      try {
        if (!(await tf.setBackend(backend))) return NaN;
        await tf.ready();
        const train = new Function(`${source}; return trainSeedCnn;`)() as (tf: unknown, b: number, s: number, on: () => void) => Promise<number>;
        return await train(tf, batches, batchSize, () => {});
      } catch {
        return NaN;
      }
    },
    { source: TRAIN_SOURCE, batches, batchSize: BATCH_SIZE, backend: backendName },
  );
  // Alternate the two, twice, and keep each side's best run: background work (the editor's
  // TypeScript worker, the GPU process) slows whichever run it overlaps, not one side.
  const bareRuns = [await trainBare(backend)];
  kernelRuns.push(await trainInKernel(page));
  bareRuns.push(await trainBare(backend));
  const kernelThroughput = Math.max(...kernelRuns);
  const bareThroughput = Math.max(...bareRuns);

  // 2. Each backend, inside the kernel and on the bare page, one run each. CPU, and WebGPU on a software adapter,
  // are slow, so they train fewer batches (within the cell's time limit); each ratio compares equal work.
  const batchesFor = (b: string) => (b === "cpu" ? 3 : b === "webgpu" ? 6 : BATCHES);
  const perBackend: Record<string, number> = {};
  const barePerBackend: Record<string, number> = {};
  const notes: Record<string, string> = {};
  for (const b of ["webgpu", "webgl", "wasm", "cpu"]) {
    const output = await runInCell(
      page,
      `${TRAIN_SOURCE}
let ok = false;
try { ok = await tf.setBackend("${b}"); } catch {}
if (ok) {
  await tf.ready();
  try { console.log("samples/s: " + (await trainSeedCnn(tf, ${batchesFor(b)}, ${BATCH_SIZE}, () => {})).toFixed(1)); }
  catch (e) { console.log("cannot train: " + e.message); }
} else console.log("unavailable");`,
      /samples\/s|unavailable|cannot train/,
    );
    perBackend[b] = number(output, "samples/s");
    notes[b] = /cannot train: (.*)/.exec(output)?.[1] ?? (/unavailable/.test(output) ? "unavailable in this browser" : "");
    if (!Number.isNaN(perBackend[b]!)) barePerBackend[b] = await trainBare(b, batchesFor(b));
  }

  console.log(`Seed CNN, batch size ${BATCH_SIZE}, ${BATCHES} timed batches, backend ${backend}, headless Chromium`);
  console.log("");
  console.log("1. Overhead (same backend, same page load)");
  console.log(`   kernel (in a worker on its own origin, chart on): ${kernelThroughput.toFixed(1)} samples/s (best of ${kernelRuns.map((r) => r.toFixed(1)).join(", ")})`);
  console.log(`   bare tfjs on the page:                         ${bareThroughput.toFixed(1)} samples/s (best of ${bareRuns.map((r) => r.toFixed(1)).join(", ")})`);
  console.log(`   kernel/bare throughput ratio: ${(kernelThroughput / bareThroughput).toFixed(2)}`);
  console.log("");
  console.log("2. Backends: in the kernel, and on a bare page (samples/s; kernel speed-up over cpu)");
  for (const [b, value] of Object.entries(perBackend)) {
    const bare = barePerBackend[b];
    const line = Number.isNaN(value)
      ? notes[b]
      : `kernel ${value.toFixed(1).padStart(8)}   bare ${bare === undefined || Number.isNaN(bare) ? "  cannot" : bare.toFixed(1).padStart(8)}   ${(value / perBackend.cpu!).toFixed(1)}x`;
    console.log(`   ${b.padEnd(7)} ${line}`);
  }
  for (const [b, value] of Object.entries(perBackend)) {
    const bare = barePerBackend[b];
    if (!Number.isNaN(value) && bare !== undefined && !Number.isNaN(bare)) console.log(`   kernel/bare throughput ratio (${b}): ${(value / bare).toFixed(2)}`);
  }
  console.log("");
  console.log("4. Responsiveness while the CNN trains in the kernel");
  printLongTasks(watched.longTasks, watched.longFrames);
}
