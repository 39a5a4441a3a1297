import { describe, expect, it } from "vitest";
import { minutesUntil } from "./rate-limit";

describe("minutesUntil", () => {
  it("rounds the wait up to whole minutes", () => {
    expect(minutesUntil(1)).toBe(1);
    expect(minutesUntil(61_000)).toBe(2);
  });
});
