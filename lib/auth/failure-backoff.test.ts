import { describe, expect, it } from "vitest";
import { waitAfter } from "./failure-backoff";

describe("waitAfter", () => {
  it("lets the first failures through, then doubles the wait after each one, up to the cap", () => {
    const policy = { freeFailures: 3, firstWaitMs: 1000, maxWaitMs: 8000 };
    expect([1, 2, 3].map((n) => waitAfter(n, policy))).toEqual([0, 0, 0]);
    expect([4, 5, 6, 7, 8].map((n) => waitAfter(n, policy))).toEqual([1000, 2000, 4000, 8000, 8000]);
  });
});
