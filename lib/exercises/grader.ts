import "server-only";
import { GraderPool } from "@/lib/grading/pool";
import { poolOptions } from "@/lib/grading/pool-options";

// One pool per server process, kept on globalThis so the dev server's module reloads do not start more.
const holder = globalThis as { descentGraderPool?: GraderPool };

/** The web server's grader pool, started on first use. */
export function graderPool(): GraderPool {
  holder.descentGraderPool ??= new GraderPool(poolOptions());
  return holder.descentGraderPool;
}
