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
 * 3. Cold start: navigation to the first cell's output; bytes downloaded by then.
 * 4. Responsiveness: the longest main-thread task while the CNN trains in the kernel.
 *
 * BENCH_WEBGPU=off launches Chromium without WebGPU, as most browsers here
 * are: a first visit then calibrates WebGL alone.
 */
import { chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium";
import path from "node:path";
import { startBenchServer } from "./bench-server";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 20);
// The lesson's training cell, whose author time limit (120 s) fits a benchmark run.
const BENCH_CELL = '.cell[data-cell-id="fit-line"]';
const BATCH_SIZE = 64;

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

/**
 * Opens the lesson in `page` and runs its first cell at once, as a learner
 * who clicks Run the moment the page is there: times from navigation on the
 * page's own clock, and bytes as sent (compressed where the server compresses).
 */
async function visit(page: Page): Promise<Visit> {
  let bytes = 0;
  let counting = true;
  const scripts: string[] = [];
  const onFinished = async (request: import("@playwright/test").Request) => {
    if (!counting) return;
    const sizes = await request.sizes().catch(() => undefined);
    bytes += (sizes?.responseBodySize ?? 0) + (sizes?.responseHeadersSize ?? 0);
  };
  const onRequest = (request: import("@playwright/test").Request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  };
  page.on("requestfinished", onFinished);
  page.on("request", onRequest);
  await page.goto(LESSON, { waitUntil: "load" });
  const initialScripts = [...scripts];
  // The first output is stamped in the page the moment it is added, not when the test harness polls for it.
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
  await page.locator(".cell").first().getByRole("button", { name: /^Run cell/ }).click();
  await page.waitForFunction(() => (window as unknown as { firstOutputAt?: number }).firstOutputAt !== undefined, undefined, { timeout: 120_000 });
  counting = false;
  page.off("requestfinished", onFinished);
  page.off("request", onRequest);
  return {
    ...(await page.evaluate(() => {
      const w = window as unknown as { firstOutputAt: number; clickAt: number };
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const marks = Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("kernel:")).map((m) => [m.name, m.startTime]));
      return { navigationMs: navigation.startTime, loadedMs: navigation.loadEventEnd, clickMs: w.clickAt, outputMs: w.firstOutputAt, marks };
    })),
    bytes,
    scripts: initialScripts,
  };
}

/** The cold start, part by part: where the time from navigation to the first output went. */
function breakdown(v: Visit): Array<[string, number]> {
  const m = (name: string) => v.marks[`kernel:${name}`] ?? NaN;
  return [
    ["page: navigation to load event (HTML, page scripts)", v.loadedMs - v.navigationMs],
    ["learner: load event to the click on Run", v.clickMs - v.loadedMs],
    ["kernel frame: click to worker created (placement, frame page)", m("workerCreated") - Math.min(m("start"), v.clickMs)],
    ["worker scripts: download, parse and compile", m("scriptsLoaded") - m("workerCreated")],
    ["TensorFlow.js: evaluate (no backend yet)", m("tfEvaluated") - m("scriptsLoaded")],
    ["backend: load and start", m("backendReady") - m("tfEvaluated")],
    ["kernel ready to the page", m("ready") - m("backendReady")],
    ["the first cell: run and show (incl. first shader compiles)", v.outputMs - m("ready")],
  ];
}

const printVisit = (label: string, v: Visit) => {
  console.log(`   ${label}: first output ${Math.round(v.outputMs - v.navigationMs)} ms (goal 1500), ${(v.bytes / 1024).toFixed(0)} KiB downloaded by then`);
  for (const [part, ms] of breakdown(v)) console.log(`      ${part.padEnd(64)} ${Number.isNaN(ms) ? "   n/a" : `${Math.round(ms)}`.padStart(6)} ms`);
};

try {
  // 3. Cold start, measured first, on a fresh browser context (empty HTTP cache, no calibration),
  // then a second visit in the same context (warm HTTP cache).
  const context = await browser.newContext();
  const cold = await visit(await context.newPage());
  const page = await context.newPage();
  const warm = await visit(page);
  const heavyInInitial = cold.scripts.filter((url) => /monaco|tfjs|kernel/.test(url));
  const backend = await page.getByTestId("backend").inputValue();

  console.log("3. Cold start: navigation to the first cell's output, Run clicked at once");
  printVisit("first visit (empty cache)", cold);
  printVisit("second visit (warm HTTP cache)", warm);
  console.log(`   scripts loaded before any cell is touched: ${cold.scripts.length}; Monaco, tfjs or kernel among them: ${heavyInInitial.length ? heavyInInitial.join(", ") : "none"}`);
  console.log("");
  // BENCH_ONLY=cold stops here: the start-up alone, in a minute.
  if (process.env.BENCH_ONLY !== "cold") await benchTraining(page, backend);
} finally {
  await browser.close();
  server.stop();
}

/** Sections 1, 2 and 4: training throughput, in the kernel and bare, per backend; the main thread while training. */
async function benchTraining(page: Page, backend: string) {
  // 4 and 1 (kernel side): train in the kernel with a live chart, watching the page's long tasks
  // from the moment the cell runs (not while the editor itself loads).
  const watchLongTasks = async () => {
    await page.waitForTimeout(3000);
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((entry) => w.longTasks.push(entry.duration))).observe({ type: "longtask" });
    });
  };
  const trainInKernel = async (beforeRun?: () => Promise<void>) =>
    number(
      await runInCell(
        page,
        `${TRAIN_SOURCE}
const chart = display.chart({ title: "bench", x: "batch", series: ["loss", "accuracy"] });
const perSecond = await trainSeedCnn(tf, ${BATCHES}, ${BATCH_SIZE}, (i, loss, accuracy) => chart.push({ loss, accuracy }));
console.log("kernel samples/s: " + perSecond.toFixed(1));`,
        /kernel samples\/s/,
        beforeRun,
      ),
      "kernel samples/s",
    );
  const kernelRuns = [await trainInKernel(watchLongTasks)];
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

  // 1 (bare side): the same training with tfjs on the page itself, same backend, same page load.
  // Monaco's AMD loader defines `define`, which would make tf.min.js register as an AMD module instead of `window.tf`.
  await page.evaluate(() => {
    const w = window as unknown as { define?: unknown; savedDefine?: unknown };
    w.savedDefine = w.define;
    w.define = undefined;
  });
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
  kernelRuns.push(await trainInKernel());
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
  console.log(`   main-thread tasks over 50 ms: ${longTasks.length}; longest: ${longTasks.length ? Math.max(...longTasks).toFixed(0) : 0} ms`);
}
