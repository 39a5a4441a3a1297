/** The per-account sign-in backoff against a real SQLite file, two clients on it standing for two web servers. */
import { describe, expect, it } from "vitest";
import { twoServersOnOneDatabase } from "@/test/databases";
import { FailureBackoff } from "./failure-backoff";

const servers = twoServersOnOneDatabase("backoff");

describe("FailureBackoff", () => {
  const policy = { freeFailures: 3, firstWaitMs: 1000, maxWaitMs: 8000 };

  it("counts failures sent to two servers at once, and both servers make the account wait", async () => {
    const onA = new FailureBackoff(() => servers.a, policy);
    const onB = new FailureBackoff(() => servers.b, policy);
    await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? onA : onB).failed("ada@school.example", 0)));
    // Six failures: three free, then 1, 2 and 4 seconds; the longest stands.
    expect(await onA.waitMs("ada@school.example", 0)).toBe(4000);
    expect(await onB.waitMs("ada@school.example", 1000)).toBe(3000);
    expect(await onB.waitMs("bob@school.example", 0)).toBe(0);
  });

  it("forgets an account's failures when it signs in", async () => {
    const onA = new FailureBackoff(() => servers.a, policy);
    for (let i = 0; i < 4; i++) await onA.failed("cy@school.example", 0);
    expect(await onA.waitMs("cy@school.example", 0)).toBe(1000);
    await new FailureBackoff(() => servers.b, policy).succeeded("cy@school.example");
    expect(await onA.waitMs("cy@school.example", 0)).toBe(0);
    await onA.failed("cy@school.example", 0);
    expect(await onA.waitMs("cy@school.example", 0)).toBe(0);
  });
});
