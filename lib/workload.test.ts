import { describe, expect, it } from "vitest";
import { workloadOf } from "./workload";

describe("workloadOf", () => {
  it("is conv when any cell uses a convolution or pooling layer", () => {
    expect(workloadOf(["const a = tf.tensor([1])", "tf.layers.conv2d({ filters: 8, kernelSize: 3 })"])).toBe("conv");
    expect(workloadOf(["tf.conv1d(x, f, 1, 'same')"])).toBe("conv");
  });
  it("is sequence for embeddings, gathers and recurrent layers", () => {
    expect(workloadOf(["tf.layers.embedding({ inputDim: 64, outputDim: 16 })"])).toBe("sequence");
    expect(workloadOf(["const rows = tf.gather(table, ids);"])).toBe("sequence");
  });
  it("is dense otherwise, and for words that only contain an op's name", () => {
    expect(workloadOf(["const w = tf.variable(tf.zeros([2, 1]));", "// a convolutional idea", "const gathering = 1;"])).toBe("dense");
    expect(workloadOf([])).toBe("dense");
  });
});
