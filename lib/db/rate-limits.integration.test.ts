/** The shared limits against a real SQLite file: two clients on one file stand for two web servers. */
import { describe, expect, it } from "vitest";
import { twoServersOnOneDatabase } from "@/test/databases";
import { forgetEndedWindows, WindowLimiter } from "./rate-limits";

const servers = twoServersOnOneDatabase("limits");

describe("WindowLimiter", () => {
  it("allows max requests per window and key, then says when to retry", async () => {
    const limiter = new WindowLimiter("sequential", 2, 60_000);
    expect(await limiter.take(servers.a, "a", 0)).toEqual({ allowed: true });
    expect(await limiter.take(servers.a, "a", 10_000)).toEqual({ allowed: true });
    expect(await limiter.take(servers.a, "a", 20_000)).toEqual({ allowed: false, retryAfterMs: 40_000 });
    expect(await limiter.take(servers.a, "b", 20_000)).toEqual({ allowed: true });
    expect(await limiter.take(servers.a, "a", 60_000)).toEqual({ allowed: true });
  });

  it("keeps two limits with the same key apart", async () => {
    const one = new WindowLimiter("one", 1, 60_000);
    const other = new WindowLimiter("other", 1, 60_000);
    expect(await one.take(servers.a, "203.0.113.1", 0)).toEqual({ allowed: true });
    expect(await other.take(servers.a, "203.0.113.1", 0)).toEqual({ allowed: true });
  });

  it("counts every request exactly once when two servers count at the same moment", async () => {
    const limiter = new WindowLimiter("parallel", 20, 60_000);
    const decisions = await Promise.all(Array.from({ length: 60 }, (_, i) => limiter.take(i % 2 ? servers.a : servers.b, "203.0.113.9", 1_000)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(20);
    // Either server sees the same refusal afterwards.
    expect((await limiter.take(servers.a, "203.0.113.9", 2_000)).allowed).toBe(false);
    expect((await limiter.take(servers.b, "203.0.113.9", 2_000)).allowed).toBe(false);
  });

  it("forgets windows that have ended", async () => {
    const limiter = new WindowLimiter("sweep", 1, 1_000);
    await limiter.take(servers.a, "old", 0);
    await limiter.take(servers.a, "live", 5_000);
    await forgetEndedWindows(servers.a, 5_500);
    const keys = (await servers.a.clientLimit.findMany({ where: { key: { startsWith: "sweep:" } } })).map((row) => row.key);
    expect(keys).toEqual(["sweep:live"]);
  });
});
