import path from "node:path";

/** The git-ignored folder `npm run assets` bundles the server's child processes into (scripts/build-processes.ts). */
export const PROCESS_BUNDLES_DIR = ".processes";

export type ProcessBundle = "grader.mjs" | "predictor.mjs" | "sandbox-runtime.js";

/** A bundle's path in this checkout. */
export function processBundle(name: ProcessBundle, root = process.cwd()): string {
  return path.join(root, PROCESS_BUNDLES_DIR, name);
}
