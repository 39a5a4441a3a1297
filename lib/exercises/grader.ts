import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { GraderPool } from "@/lib/grading/pool";
import { poolOptions } from "@/lib/grading/pool-options";

// One pool per server process, kept on globalThis so the dev server's module reloads do not start more.
const holder = globalThis as { descentGraderPool?: GraderPool; descentGraderVersion?: string };

/** The web server's grader pool, started on first use. */
export function graderPool(): GraderPool {
  holder.descentGraderPool ??= new GraderPool(poolOptions());
  return holder.descentGraderPool;
}

/** Hash of the grader and sandbox bundles: stored with each grade, so a course can be regraded when the grader changes. */
export function graderVersion(): string {
  holder.descentGraderVersion ??= createHash("sha256")
    .update(readFileSync(path.join(process.cwd(), ".grader", "grader.mjs")))
    .update(readFileSync(path.join(process.cwd(), ".grader", "sandbox-runtime.js")))
    .digest("hex")
    .slice(0, 16);
  return holder.descentGraderVersion;
}
