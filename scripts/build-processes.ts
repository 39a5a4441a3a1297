/**
 * Bundles the web server's child processes into .processes/ (git-ignored):
 * - sandbox-runtime.js: what each isolate starts with (tfjs-core + cpu backend + harness), one script;
 * - grader.mjs: the grader process the grader pool forks;
 * - predictor.mjs: the process that runs served models (lib/serving).
 * Called by `npm run assets` and by the sandbox tests' setup.
 */
import { build } from "esbuild";
import path from "node:path";
import { PROCESS_BUNDLES_DIR } from "@/lib/process-pool/bundles";


export async function buildProcesses(root: string): Promise<string> {
  const outdir = path.join(root, PROCESS_BUNDLES_DIR);
  const common = { absWorkingDir: root, bundle: true, target: "es2022", legalComments: "none", logLevel: "warning" } as const;
  await build({
    ...common,
    entryPoints: { "sandbox-runtime": "lib/grading/sandbox-runtime.isolate.ts" },
    outdir,
    format: "iife",
    // "browser" picks tfjs's builds without Node's modules; the isolate has neither.
    platform: "browser",
    minify: true,
  });
  await build({
    ...common,
    entryPoints: { grader: "lib/grading/grader.process.ts", predictor: "lib/serving/predictor.process.ts" },
    outdir,
    format: "esm",
    platform: "node",
    outExtension: { ".js": ".mjs" },
    // A native addon: loaded from node_modules at run time.
    external: ["isolated-vm"],
    // Some bundled CommonJS code calls require(); give the ESM bundle one.
    banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
  });
  return path.join(outdir, "grader.mjs");
}
