/**
 * Checks the MNIST CNN lesson by running its own cells in Node (CPU backend):
 * every output shape and parameter count against the formulas in the prose,
 * the untrained loss near −log 0.1, the loss as −log p_y, the accuracy and
 * confusion matrix of the evaluation cell, and the drawing pad's MNIST-style
 * preparation (20 × 20 box, centre of mass at the centre). Training to the
 * accuracy the lesson claims needs a GPU: e2e/mnist.spec.ts trains the
 * lesson in Chromium on a reduced budget, `npm run bench:mnist` on the full one.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createLessonKernel } from "@/test/lesson-kernel";

const kernel = createLessonKernel("content/mnist-cnn/digits.mdx");
const scope = globalThis as Record<string, unknown>;
type Model = tf.Sequential;

beforeAll(async () => {
  await tf.setBackend("cpu");
  await kernel.run("data");
  await kernel.run("model");
}, 60_000);

const convParameters = (k: number, channelsIn: number, filters: number) => k * k * channelsIn * filters + filters;
const denseParameters = (inputs: number, units: number) => inputs * units + units;

describe("the network", () => {
  it("has the shapes 28 → 26 → 13 → 11 → 5 → 3 and the parameter counts the prose derives", () => {
    const model = (scope.createModel as () => Model)();
    expect(model.layers.map((layer) => layer.outputShape)).toEqual([
      [null, 26, 26, 32],
      [null, 13, 13, 32],
      [null, 11, 11, 64],
      [null, 5, 5, 64],
      [null, 3, 3, 64],
      [null, 576],
      [null, 64],
      [null, 10],
    ]);
    const expected = [convParameters(3, 1, 32), 0, convParameters(3, 32, 64), 0, convParameters(3, 64, 64), 0, denseParameters(576, 64), denseParameters(64, 10)];
    expect(expected).toEqual([320, 0, 18_496, 0, 36_928, 0, 36_928, 650]);
    expect(model.layers.map((layer) => layer.countParams())).toEqual(expected);
    expect(model.countParams()).toBe(93_322);
    model.dispose();
  });

  it("prints the total the prose gives", () => {
    expect(kernel.outputs).toContainEqual({ kind: "log", level: "log", text: "93322 parameters in all" });
  });
});

describe("softmax and the loss", () => {
  it("an untrained network's loss is near −log 0.1 ≈ 2.30, and it is the mean of −log p_y", async () => {
    const model = (scope.createModel as () => Model)();
    const { test } = (await (scope.data as { mnist: () => Promise<{ test: { images: tf.Tensor4D; labels: tf.Tensor1D } }> }).mnist());
    const images = test.images.slice(0, 64);
    const labels = test.labels.slice(0, 64);
    const probabilities = model.predict(images) as tf.Tensor2D;
    const rows = (await probabilities.array()) as number[][];
    for (const row of rows) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const byHand = rows.reduce((sum, row, i) => sum - Math.log(row[labels.arraySync()[i]!]!), 0) / rows.length;
    const reported = model.evaluate(images, labels.toFloat()) as tf.Scalar[];
    expect((await reported[0]!.data())[0]).toBeCloseTo(byHand, 4);
    expect(Math.abs(byHand - -Math.log(0.1))).toBeLessThan(0.2);
    tf.dispose([images, labels, probabilities, ...reported]);
    model.dispose();
  });
});

describe("evaluation", () => {
  it("the accuracy it prints is the confusion matrix's trace over its total", async () => {
    // A stand-in for the trained model: predicts the true digit except for every seventh image.
    const { test } = await (scope.data as { mnist: () => Promise<{ test: { images: tf.Tensor4D; labels: tf.Tensor1D } }> }).mnist();
    const labels = test.labels.arraySync();
    const guesses = labels.map((label, i) => (i % 7 === 0 ? (label + 1) % 10 : label));
    scope.model = { predict: () => tf.oneHot(tf.tensor1d(guesses, "int32"), 10).toFloat() };
    const before = kernel.outputs.length;
    await kernel.run("evaluate");
    const printed = kernel.outputs.slice(before);
    const accuracy = printed.find((o) => o.kind === "log" && o.text.startsWith("held-out accuracy: "));
    const table = printed.find((o) => o.kind === "table");
    if (table?.kind !== "table" || accuracy?.kind !== "log") throw new Error("the evaluation cell showed no accuracy or no table");
    const matrix = table.rows.map((row) => row.slice(1).map(Number));
    const trace = matrix.reduce((sum, row, i) => sum + row[i]!, 0);
    const total = matrix.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(2000);
    expect(accuracy.text).toBe(`held-out accuracy: ${(trace / total).toFixed(3)}`);
    expect(trace / total).toBeCloseTo(1 - Math.ceil(2000 / 7) / 2000, 6);
    // Each row adds up to that digit's number of held-out images.
    matrix.forEach((row, digit) => expect(row.reduce((a, b) => a + b, 0)).toBe(labels.filter((l) => l === digit).length));
  });
});

describe("your own handwriting", () => {
  const drawBar = (size: number, rows: [number, number], columns: [number, number]) =>
    tf.tidy(() => {
      const pixels = new Float32Array(size * size);
      for (let r = rows[0]; r < rows[1]; r++) for (let c = columns[0]; c < columns[1]; c++) pixels[r * size + c] = 1;
      return tf.tensor3d(pixels, [size, size, 1]);
    });

  it("fits the ink in 20 × 20 and puts its centre of mass at the centre, as MNIST was prepared", async () => {
    await kernel.run("draw");
    const likeMnist = scope.likeMnist as (drawing: tf.Tensor3D) => tf.Tensor4D | undefined;
    // A tall bar in the top-left corner of a 112 × 112 pad.
    const drawing = drawBar(112, [5, 65], [10, 25]);
    const digit = likeMnist(drawing)!;
    expect(digit.shape).toEqual([1, 28, 28, 1]);
    const image = (digit.reshape([28, 28]).arraySync() as number[][]);
    const inkRows = image.map((row) => row.some((v) => v > 0.1)).map((ink, r) => (ink ? r : -1)).filter((r) => r >= 0);
    expect(inkRows.at(-1)! - inkRows[0]! + 1).toBe(20);
    const mass = image.flat().reduce((a, b) => a + b, 0);
    const centreRow = image.reduce((sum, row, r) => sum + r * row.reduce((a, b) => a + b, 0), 0) / mass;
    const centreColumn = image.reduce((sum, row) => sum + row.reduce((a, v, c) => a + c * v, 0), 0) / mass;
    expect(Math.abs(centreRow - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(centreColumn - 13.5)).toBeLessThanOrEqual(0.5);
    tf.dispose([drawing, digit]);
  });

  it("the pad reads the most probable digit and shows the top three", async () => {
    const probabilities = [0.01, 0.02, 0.05, 0.7, 0.01, 0.1, 0.01, 0.05, 0.04, 0.01];
    scope.model = { predict: () => tf.tensor2d([probabilities]) };
    const onDraw = [...kernel.sketches.values()].at(-1)!;
    const before = kernel.outputs.length;
    const drawing = drawBar(112, [20, 90], [50, 62]);
    expect(await onDraw(drawing)).toBe("It reads 3");
    const table = kernel.outputs.slice(before).find((o) => o.kind === "table");
    expect(table).toMatchObject({ rows: [["3", "70.0%"], ["5", "10.0%"], ["2", "5.0%"]] });
    drawing.dispose();
    const blank = tf.zeros([112, 112, 1]) as tf.Tensor3D;
    expect(await onDraw(blank)).toBe("Draw a digit first.");
    blank.dispose();
  });
});
