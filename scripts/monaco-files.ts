/**
 * The cell editor, built from Monaco's ES modules into public/monaco/
 * (lib/editor/monaco.bundle.ts says what it holds and why):
 * - editor.js and editor.css, named as lib/editor/monaco-urls.ts says; the
 *   code they load lazily (TypeScript's language support) and the icon font are
 *   in chunks/, named by a hash of their content, so they are cached for good;
 * - editor.worker.js and typescript.worker.js, one classic script each; the
 *   TypeScript worker carries TensorFlow.js's declarations and the cell globals.
 */
import { build, type Plugin } from "esbuild";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

/** The tfjs packages a cell's `tf` is made of (the backends' own exports are left out: learners do not need them). */
const TFJS_TYPE_PACKAGES = ["tfjs-core", "tfjs-layers", "tfjs-converter", "tfjs-data"];

/**
 * Every .d.ts file of those packages, keyed by the path the editor's
 * TypeScript worker will resolve imports to, plus an entry point for
 * "@tensorflow/tfjs" itself and the cell globals.
 */
function cellTypes(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, `${prefix}/${entry.name}`);
      else if (entry.name.endsWith(".d.ts")) files[`${prefix}/${entry.name}`] = readFileSync(full, "utf8");
    }
  };
  for (const name of TFJS_TYPE_PACKAGES) {
    const base = `file:///node_modules/@tensorflow/${name}`;
    walk(path.join(root, "node_modules", "@tensorflow", name, "dist"), `${base}/dist`);
    files[`${base}/index.d.ts`] = 'export * from "./dist/index";\n';
  }
  files["file:///node_modules/@tensorflow/tfjs/index.d.ts"] = [
    'export * from "@tensorflow/tfjs-core";',
    'export * from "@tensorflow/tfjs-layers";',
    'export * from "@tensorflow/tfjs-converter";',
    'import * as data from "@tensorflow/tfjs-data";',
    "export { data };",
    "",
  ].join("\n");
  files["file:///cell-globals.d.ts"] = readFileSync(path.join(root, "lib/kernel/cell-globals.d.ts"), "utf8");
  return files;
}

/** Monaco's worker starter imports every editor feature; the build uses lib/editor/monaco-web-worker.ts instead. */
const leanWorkerStarter = (root: string): Plugin => ({
  name: "lean-worker-starter",
  setup(build) {
    build.onResolve({ filter: /\/internal\/common\/workers\.js$/ }, () => ({ path: path.join(root, "lib/editor/monaco-web-worker.ts") }));
  },
});

/** `import cellTypes from "descent:cell-types"` in the TypeScript worker. */
const cellTypesModule = (root: string): Plugin => ({
  name: "cell-types",
  setup(build) {
    build.onResolve({ filter: /^descent:cell-types$/ }, (args) => ({ path: args.path, namespace: "cell-types" }));
    build.onLoad({ filter: /.*/, namespace: "cell-types" }, () => ({ contents: JSON.stringify(cellTypes(root)), loader: "json" }));
  },
});

export async function buildMonaco(root: string): Promise<void> {
  const outdir = path.join(root, "public", "monaco");
  rmSync(outdir, { recursive: true, force: true });
  const common = { outdir, absWorkingDir: root, bundle: true, platform: "browser", target: "es2022", minify: true, legalComments: "none", logLevel: "warning" } as const;
  await build({
    ...common,
    entryPoints: { editor: "lib/editor/monaco.bundle.ts" },
    format: "esm",
    splitting: true,
    chunkNames: "chunks/[name]-[hash]",
    assetNames: "chunks/[name]-[hash]",
    loader: { ".ttf": "file" },
    plugins: [leanWorkerStarter(root)],
  });
  // esbuild also writes the CSS that the lazily loaded chunks' imports reach; editor.css holds all of it already
  // (lib/editor/cell-editor.tsx links it), and nothing would load these copies.
  for (const file of readdirSync(path.join(outdir, "chunks")).filter((name) => name.endsWith(".css"))) rmSync(path.join(outdir, "chunks", file));
  await build({
    ...common,
    entryPoints: { "editor.worker": "node_modules/monaco-editor/esm/vs/editor/editor.worker.js", "typescript.worker": "lib/editor/typescript.worker.ts" },
    format: "iife",
    plugins: [leanWorkerStarter(root), cellTypesModule(root)],
  });
}
