/**
 * Section 5 of `npm run bench:kernel`: would a cross-origin isolated kernel
 * (COOP and COEP headers) train faster on a machine without a GPU? Isolation
 * gives a page SharedArrayBuffer, and with it the WASM backend's threaded
 * build; SIMD it has either way. So the same dense network trains on the
 * WASM backend in two bare pages that differ only in those two headers, each
 * served by a tiny server of its own, alternating, best of three.
 */
import type { Browser } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { availableParallelism } from "node:os";
import path from "node:path";
import { listenOnLoopback } from "@/test/listen";

const FILES: Record<string, { file: string; type: string }> = {
  "/tf.min.js": { file: "node_modules/@tensorflow/tfjs/dist/tf.min.js", type: "text/javascript" },
  "/tf-backend-wasm.min.js": { file: "node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.min.js", type: "text/javascript" },
};
for (const name of ["tfjs-backend-wasm.wasm", "tfjs-backend-wasm-simd.wasm", "tfjs-backend-wasm-threaded-simd.wasm"]) {
  FILES[`/tfjs/${name}`] = { file: `node_modules/@tensorflow/tfjs-backend-wasm/dist/${name}`, type: "application/wasm" };
}
const PAGE = '<!doctype html><html lang="en"><title>wasm</title><script src="/tf.min.js"></script><script src="/tf-backend-wasm.min.js"></script></html>';

/** A server of the page and tfjs's files; `isolated` adds the two headers that make a page cross-origin isolated. */
async function serve(isolated: boolean): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const headers: Record<string, string> = isolated ? { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" } : {};
    const entry = FILES[(req.url ?? "/").split("?")[0]!];
    if (req.url === "/") return res.writeHead(200, { ...headers, "content-type": "text/html" }).end(PAGE);
    if (!entry) return res.writeHead(404).end();
    res.writeHead(200, { ...headers, "content-type": entry.type }).end(readFileSync(path.resolve(entry.file)));
  });
  return { url: await listenOnLoopback(server), server };
}

type Run = { samplesPerSecond: number; isolated: boolean; threads: boolean; simd: boolean };

/** A 784-256-128-10 perceptron on the WASM backend, batch 128: samples per second over `steps` steps after two warm-up ones. */
async function trainOn(browser: Browser, url: string, steps: number): Promise<Run> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    return await page.evaluate(
      async ({ steps, base }) => {
        type Tf = typeof import("@tensorflow/tfjs") & { wasm: { setWasmPaths(prefix: string): void } };
        const tf = (window as unknown as { tf: Tf }).tf;
        tf.wasm.setWasmPaths(`${base}/tfjs/`);
        await tf.setBackend("wasm");
        await tf.ready();
        const model = tf.sequential({
          layers: [
            tf.layers.dense({ inputShape: [784], units: 256, activation: "relu" }),
            tf.layers.dense({ units: 128, activation: "relu" }),
            tf.layers.dense({ units: 10, activation: "softmax" }),
          ],
        });
        model.compile({ optimizer: "adam", loss: "sparseCategoricalCrossentropy" });
        const xs = tf.randomUniform([128, 784], 0, 1, "float32", 1);
        const ys = tf.floor(tf.randomUniform([128], 0, 10, "float32", 2));
        for (let i = 0; i < 2; i++) await model.trainOnBatch(xs, ys);
        const begun = performance.now();
        for (let i = 0; i < steps; i++) await model.trainOnBatch(xs, ys);
        const seconds = (performance.now() - begun) / 1000;
        return {
          samplesPerSecond: (steps * 128) / seconds,
          isolated: crossOriginIsolated,
          threads: tf.env().getBool("WASM_HAS_MULTITHREAD_SUPPORT"),
          simd: tf.env().getBool("WASM_HAS_SIMD_SUPPORT"),
        };
      },
      { steps, base: url },
    );
  } finally {
    await page.close();
  }
}

export async function benchWasmThreads(browser: Browser, steps = 40): Promise<void> {
  const isolated = await serve(true);
  const plain = await serve(false);
  try {
    const runs: Record<"isolated" | "plain", Run[]> = { isolated: [], plain: [] };
    for (let round = 0; round < 3; round++) {
      runs.isolated.push(await trainOn(browser, isolated.url, steps));
      runs.plain.push(await trainOn(browser, plain.url, steps));
    }
    const best = (list: Run[]) => list.reduce((a, b) => (b.samplesPerSecond > a.samplesPerSecond ? b : a));
    const flags = (run: Run) => `crossOriginIsolated ${run.isolated}, threads ${run.threads}, SIMD ${run.simd}`;
    const list = (list: Run[]) => list.map((r) => r.samplesPerSecond.toFixed(0)).join(", ");
    console.log(`5. WASM backend with and without cross-origin isolation (MLP 784-256-128-10, batch 128, ${steps} steps, ${availableParallelism()} cores)`);
    console.log(`   isolated (COOP+COEP): ${best(runs.isolated).samplesPerSecond.toFixed(0)} samples/s (best of ${list(runs.isolated)}; ${flags(best(runs.isolated))})`);
    console.log(`   plain:                ${best(runs.plain).samplesPerSecond.toFixed(0)} samples/s (best of ${list(runs.plain)}; ${flags(best(runs.plain))})`);
    console.log(`   isolated/plain throughput ratio (wasm): ${(best(runs.isolated).samplesPerSecond / best(runs.plain).samplesPerSecond).toFixed(2)}`);
  } finally {
    isolated.server.close();
    plain.server.close();
  }
}
