import { describe, expect, it } from "vitest";
import { readInstances } from "./instances";

describe("readInstances", () => {
  it("flattens a batch of images row by row", () => {
    const batch = readInstances([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], [null, 2, 2]);
    expect(batch.shape).toEqual([2, 2, 2]);
    expect([...batch.data]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("lets open dimensions take any size, the same in every instance", () => {
    expect(readInstances([[[1], [2], [3]]], [null, null, 1]).shape).toEqual([1, 3, 1]);
    expect(() => readInstances([[[1], [2]], [[1]]], [null, null, 1])).toThrow("instances[1] has shape [1, 1]; this model takes [null, 1] per instance");
  });

  it("names the first ragged row or bad value", () => {
    expect(() => readInstances([[[1, 2], [3]]], [null, 2, 2])).toThrow("instances[0][1] has shape [1], unlike instances[0][0]: an instance must be a rectangular array.");
    expect(() => readInstances([[[1, 2], [3, 4, 5]]], [null, 2, null])).toThrow("instances[0][1] has shape [3], unlike instances[0][0]");
    expect(() => readInstances([[1, null]], [null, 2])).toThrow("instances[0][1] is null, not a finite number");
    expect(() => readInstances([[1, 2]], [null, 2, 1])).toThrow("instances[0] has shape [2]; this model takes [2, 1]");
    expect(() => readInstances({ x: 1 }, [null, 2])).toThrow('"instances" must be a non-empty array');
  });
});
