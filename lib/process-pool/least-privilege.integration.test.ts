/**
 * A pool's child process, started as the grader and predictor pools start
 * theirs, tries what a learner who broke out of the sandbox would try: read
 * the server's secret, write the database, start a process.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProcessPool } from "./process-pool";

type Probe = { secret: string; database: string };
type Findings = { uid: number; readSecret: string; writeDatabase: string; spawn: string };

// A child that speaks the pool's protocol (serve-jobs.ts) without a bundle: the job is the attack.
const PROBE = `
import { readFileSync, writeFileSync } from "node:fs";
import { execSync } from "node:child_process";
const attempt = (action) => { try { action(); return "allowed"; } catch (error) { return error.code ?? String(error); } };
process.on("message", (request) => {
  process.send({ type: "started", id: request.id });
  const { secret, database } = request.payload;
  process.send({ type: "done", id: request.id, result: {
    uid: process.getuid(),
    readSecret: attempt(() => readFileSync(secret, "utf8")),
    writeDatabase: attempt(() => writeFileSync(database, "overwritten")),
    spawn: attempt(() => execSync("true")),
  } });
});
process.on("disconnect", () => process.exit(0));
process.send({ type: "ready" });
`;

let folder: string;
let pool: ProcessPool<Probe, Findings>;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "descent-privilege-"));
  chmodSync(folder, 0o755); // as a checkout is: others may enter, not read data/
  writeFileSync(path.join(folder, "probe.mjs"), PROBE, { mode: 0o644 });
  writeFileSync(path.join(folder, "secret"), "the server's signing secret", { mode: 0o600 });
  writeFileSync(path.join(folder, "descent.db"), "the database", { mode: 0o644 });
  pool = new ProcessPool({ entry: path.join(folder, "probe.mjs"), size: 1, heapMb: 64, rssLimitMb: 512, graceMs: 1000 });
});

afterAll(async () => {
  await pool.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("a pool's child process", () => {
  it("cannot read the secret, write the database or start a process", async () => {
    const findings = await pool.run({ secret: path.join(folder, "secret"), database: path.join(folder, "descent.db") }, 5000, (reason) => {
      throw new Error(`the probe was lost: ${reason}`);
    });
    expect(findings.readSecret).not.toBe("allowed");
    expect(findings.writeDatabase).not.toBe("allowed");
    expect(findings.spawn).not.toBe("allowed");
    // The developer machines and CI run as root: there the child must have dropped to nobody.
    if (process.getuid?.() === 0) expect(findings.uid).not.toBe(0);
  });
});
