import * as tf from "@tensorflow/tfjs";
import { describe, expect as vitestExpect, it } from "vitest";
import { CheckFailure, expect } from "./expect";
import { toValue } from "./values";

const failure = (check: () => void) => {
  try {
    check();
  } catch (error) {
    vitestExpect(error).toBeInstanceOf(CheckFailure);
    return (error as Error).message;
  }
  throw new Error("the check passed");
};

describe("the test helpers' messages", () => {
  it("shape", () => {
    vitestExpect(failure(() => expect.shape(toValue(tf.zeros([3])), [3, 1]))).toBe("expected shape [3,1], got [3]");
    vitestExpect(failure(() => expect.shape(4, []))).toBe("expected a tensor of shape [], got the number 4");
    expect.shape(toValue(tf.zeros([3, 1])), [3, 1]);
  });

  it("close, with the index and tolerance", () => {
    const got = toValue(tf.tensor([0.1, 0.2, 0.7]));
    vitestExpect(failure(() => expect.close(got, [0.1, 0.2, 0.5], { atol: 1e-4, rtol: 0 }))).toBe("value at [2] is 0.7, expected 0.5 ± 1e-4");
    vitestExpect(failure(() => expect.close(toValue(tf.zeros([2, 2])), tf.tensor([[0, 0], [1, 0]]), { rtol: 0, atol: 0.01 }))).toBe("value at [1,0] is 0, expected 1 ± 0.01");
    vitestExpect(failure(() => expect.close(toValue(tf.zeros([2])), 0))).toBe("expected shape [], got [2] (a scalar: did you forget to take the mean?)");
    expect.close(toValue(tf.scalar(1 / 3)), 1 / 3);
  });

  it("decreasing, with the author's hint", () => {
    const losses = [1, 0.8, 0.6, 0.5, 0.45, 0.4, 0.38, 0.36, 0.35, 0.34, 0.61];
    vitestExpect(failure(() => expect.decreasing(losses, { hint: "is the learning-rate sign right?" }))).toBe(
      "your loss went up after 10 steps (from 0.34 to 0.61): is the learning-rate sign right?",
    );
    vitestExpect(failure(() => expect.decreasing([1, 1, 1]))).toBe("your loss did not go down (1 at the start, 1 at the end)");
    expect.decreasing([3, 2, 1]);
  });

  it("finite, dtype, equal, that", () => {
    vitestExpect(failure(() => expect.finite([1, Number.NaN], "clip first"))).toBe("value at [1] is NaN: clip first");
    vitestExpect(failure(() => expect.dtype(toValue(tf.tensor([1], [1], "int32")), "float32"))).toBe("expected dtype float32, got int32");
    vitestExpect(failure(() => expect.equal(27, 26))).toBe("expected 26, got 27");
    vitestExpect(failure(() => expect.that(false, "the model must have 3 layers"))).toBe("the model must have 3 layers");
  });
});

describe("values copied out of learner code", () => {
  it("refuse functions, cycles and disposed tensors with a reason", () => {
    vitestExpect(() => toValue(() => 1)).toThrow("a function was returned where a value was expected");
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    vitestExpect(() => toValue(cycle)).toThrow("the result refers to itself");
    const disposed = tf.scalar(1);
    disposed.dispose();
    vitestExpect(() => toValue(disposed)).toThrow(/after it was disposed/);
  });
});
