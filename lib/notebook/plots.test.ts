import { describe, expect, it } from "vitest";
import { axis, heat } from "./plots";

describe("plot scales", () => {
  it("an axis spans its values with round ticks and maps them inside the pixel range", () => {
    const x = axis([-0.37, 2.9, 1], 50, 650);
    expect(x.ticks).toEqual([0, 1, 2]);
    expect(axis([0, 0.9], 0, 1).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(x.scale(-0.37)).toBeGreaterThan(50);
    expect(x.scale(2.9)).toBeLessThan(650);
    expect(x.scale(1)).toBeLessThan(x.scale(2));
    // Pixels can run downwards, as a y axis does.
    const y = axis([0, 10], 400, 0);
    expect(y.scale(10)).toBeLessThan(y.scale(0));
  });

  it("an axis over one repeated value, or none, still has a width", () => {
    expect(axis([3, 3], 0, 100).ticks).toEqual([2, 2.5, 3, 3.5, 4]);
    expect(axis([Number.NaN], 0, 100).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it("heat runs dark to bright, clamps outside its range, and picks ink that contrasts", () => {
    expect(heat(0, 0, 1)).toEqual({ fill: "rgb(68, 1, 84)", ink: "#ffffff" });
    expect(heat(1, 0, 1)).toEqual({ fill: "rgb(253, 231, 37)", ink: "#000000" });
    expect(heat(5, 0, 1)).toEqual(heat(1, 0, 1));
    expect(heat(Number.NaN, 0, 1).fill).toBe("#888888");
  });
});
