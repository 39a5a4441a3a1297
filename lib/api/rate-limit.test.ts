import { describe, expect, it } from "vitest";
import { minutesUntil, WindowLimiter } from "./rate-limit";

describe("WindowLimiter", () => {
  it("allows max requests per window and key, then says when to retry", () => {
    const limiter = new WindowLimiter(2, 60_000);
    expect(limiter.take("a", 0)).toEqual({ allowed: true });
    expect(limiter.take("a", 10_000)).toEqual({ allowed: true });
    expect(limiter.take("a", 20_000)).toEqual({ allowed: false, retryAfterMs: 40_000 });
    expect(limiter.take("b", 20_000)).toEqual({ allowed: true });
    expect(limiter.take("a", 60_000)).toEqual({ allowed: true });
  });

  it("rounds the wait up to whole minutes", () => {
    expect(minutesUntil(1)).toBe(1);
    expect(minutesUntil(61_000)).toBe(2);
  });
});
