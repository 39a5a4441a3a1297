/**
 * A pool whose processes cannot start (a broken install, a missing native
 * module) tries again later each time instead of restarting them in a loop.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProcessPool } from "./process-pool";

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "descent-pool-"));
  chmodSync(folder, 0o755);
  writeFileSync(path.join(folder, "crashes-at-start.mjs"), "process.exit(3);\n", { mode: 0o644 });
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("a process pool", () => {
  it("restarts a process that dies before it is ready later each time, not in a loop", async () => {
    const pool = new ProcessPool({ entry: path.join(folder, "crashes-at-start.mjs"), size: 1, heapMb: 64, rssLimitMb: 256, graceMs: 1000 });
    const seen = new Set<number>();
    const started = performance.now();
    // 0.1 + 0.2 + 0.4 + 0.8 s of waiting between starts fit in 2 s: about five processes. A loop would start one per Node start-up (~50 ms).
    while (performance.now() - started < 2000) {
      for (const pid of pool.pids) if (pid) seen.add(pid);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await pool.close();
    expect(seen.size).toBeGreaterThanOrEqual(3);
    expect(seen.size).toBeLessThanOrEqual(7);
    expect(pool.ready).toBe(0);
    // Closed: nothing starts any more.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(pool.pids).toEqual([]);
  });
});
