import { describe, expect, it } from "vitest";
import { nestValues } from "./predictions";

describe("nestValues", () => {
  it("nests row-major values by the output shape, one element per instance", () => {
    expect(nestValues(new Float32Array([1, 2, 3, 4, 5, 6]), [2, 3])).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(nestValues([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2])).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
      [
        [5, 6],
        [7, 8],
      ],
    ]);
    expect(nestValues([7, 8], [2])).toEqual([7, 8]);
  });

  it("keeps empty dimensions", () => {
    expect(nestValues([], [2, 0])).toEqual([[], []]);
  });

  it("gives float32 values as the same numbers tensor.array() would", () => {
    expect(nestValues(new Float32Array([0.1]), [1, 1])).toEqual([[Math.fround(0.1)]]);
  });

  it("refuses values that do not fill the shape", () => {
    expect(() => nestValues([1, 2, 3], [2, 2])).toThrow("a predictor answered 3 values for the output shape [2, 2]");
    expect(() => nestValues([1], [])).toThrow();
    expect(() => nestValues([1], [1.5])).toThrow();
  });
});
