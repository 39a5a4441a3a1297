import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { describeValue, formatForLog } from "./format-value";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("describeValue", () => {
  it("shows a tensor with its shape, dtype and tfjs's print-out", () => {
    const output = describeValue(tf.tensor2d([[1, 2], [3, 4]]));
    expect(output).toEqual({ kind: "tensor", shape: [2, 2], dtype: "float32", text: expect.stringContaining("[[1, 2],\n     [3, 4]]") });
  });

  it("says so when the tensor was disposed, rather than throwing", () => {
    const t = tf.scalar(1);
    t.dispose();
    expect(describeValue(t)).toEqual({ kind: "value", text: "Tensor (disposed), shape []" });
  });

  it("inspects other values, with limits", () => {
    expect(describeValue({ a: [1, 2], b: "x" })).toEqual({ kind: "value", text: "{\n  a: [ 1, 2 ],\n  b: 'x'\n}" });
    expect(formatForLog("plain")).toBe("plain");
    expect(formatForLog("x".repeat(30_000))).toMatch(/… \(10000 more characters\)$/);
  });
});
