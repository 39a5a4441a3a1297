/** The shared limits against a real SQLite file: two clients on one file stand for two web servers. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "./client";
import { applyMigrations } from "./migrate";
import { forgetEndedWindows, WindowLimiter } from "./rate-limits";

let dir: string;
let serverA: Db;
let serverB: Db;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "descent-limits-"));
  const file = path.join(dir, "limits.db");
  await applyMigrations(file);
  serverA = createDb(file);
  serverB = createDb(file);
});

afterAll(async () => {
  await Promise.all([serverA.$disconnect(), serverB.$disconnect()]);
  rmSync(dir, { recursive: true, force: true });
});

describe("WindowLimiter", () => {
  it("allows max requests per window and key, then says when to retry", async () => {
    const limiter = new WindowLimiter("sequential", 2, 60_000);
    expect(await limiter.take(serverA, "a", 0)).toEqual({ allowed: true });
    expect(await limiter.take(serverA, "a", 10_000)).toEqual({ allowed: true });
    expect(await limiter.take(serverA, "a", 20_000)).toEqual({ allowed: false, retryAfterMs: 40_000 });
    expect(await limiter.take(serverA, "b", 20_000)).toEqual({ allowed: true });
    expect(await limiter.take(serverA, "a", 60_000)).toEqual({ allowed: true });
  });

  it("keeps two limits with the same key apart", async () => {
    const one = new WindowLimiter("one", 1, 60_000);
    const other = new WindowLimiter("other", 1, 60_000);
    expect(await one.take(serverA, "203.0.113.1", 0)).toEqual({ allowed: true });
    expect(await other.take(serverA, "203.0.113.1", 0)).toEqual({ allowed: true });
  });

  it("counts every request exactly once when two servers count at the same moment", async () => {
    const limiter = new WindowLimiter("parallel", 20, 60_000);
    const decisions = await Promise.all(Array.from({ length: 60 }, (_, i) => limiter.take(i % 2 ? serverA : serverB, "203.0.113.9", 1_000)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(20);
    // Either server sees the same refusal afterwards.
    expect((await limiter.take(serverA, "203.0.113.9", 2_000)).allowed).toBe(false);
    expect((await limiter.take(serverB, "203.0.113.9", 2_000)).allowed).toBe(false);
  });

  it("forgets windows that have ended", async () => {
    const limiter = new WindowLimiter("sweep", 1, 1_000);
    await limiter.take(serverA, "old", 0);
    await limiter.take(serverA, "live", 5_000);
    await forgetEndedWindows(serverA, 5_500);
    const keys = (await serverA.clientLimit.findMany({ where: { key: { startsWith: "sweep:" } } })).map((row) => row.key);
    expect(keys).toEqual(["sweep:live"]);
  });
});
