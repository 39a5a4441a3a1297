import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { processBundle } from "@/lib/process-pool/bundles";

let version: string | undefined;

/** Hash of the grader and sandbox bundles: stored with each grade, so a course can be regraded when the grader changes. */
export function graderVersion(): string {
  version ??= createHash("sha256").update(readFileSync(processBundle("grader.mjs"))).update(readFileSync(processBundle("sandbox-runtime.js"))).digest("hex").slice(0, 16);
  return version;
}
