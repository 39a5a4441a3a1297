import { describe, expect, it } from "vitest";
import { FailureBackoff } from "./failure-backoff";

describe("FailureBackoff", () => {
  it("lets the first failures through, then doubles the wait after each one, up to the cap", () => {
    const backoff = new FailureBackoff(3, 1000, 8000);
    const now = 1_000_000;
    for (let i = 0; i < 3; i++) backoff.failed("a@example.com", now);
    expect(backoff.waitMs("a@example.com", now)).toBe(0);
    const waits = [];
    for (let i = 0; i < 5; i++) {
      backoff.failed("a@example.com", now);
      waits.push(backoff.waitMs("a@example.com", now));
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(backoff.waitMs("a@example.com", now + 8000)).toBe(0);
  });

  it("keeps each account apart, and forgets an account's failures when it signs in", () => {
    const backoff = new FailureBackoff(1, 1000, 8000);
    backoff.failed("a@example.com", 0);
    backoff.failed("a@example.com", 0);
    expect(backoff.waitMs("a@example.com", 0)).toBe(1000);
    expect(backoff.waitMs("b@example.com", 0)).toBe(0);
    backoff.succeeded("a@example.com");
    expect(backoff.waitMs("a@example.com", 0)).toBe(0);
  });
});
