import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createDisplay, type SketchCallback } from "./display";
import type { CellOutput, KernelEvent } from "./protocol";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** The display helpers with their outputs collected, and each one sent through structuredClone as postMessage would. */
function collect() {
  const outputs: CellOutput[] = [];
  const display = createDisplay(tf, (output) => {
    const event: KernelEvent = { type: "output", runId: 1, output };
    outputs.push((structuredClone(event) as typeof event).output);
  });
  return { display, outputs };
}

describe("display helpers serialise to plain data", () => {
  it("a chart is announced once, then streams one point per push, with gaps for missing values", () => {
    const { display, outputs } = collect();
    const chart = display.chart({ title: "Training", x: "epoch", series: ["loss", "acc"] });
    chart.push({ loss: 0.5, acc: 0.8 });
    chart.push({ loss: Number.NaN }, 7);
    expect(outputs).toEqual([
      { kind: "chart", chart: { id: expect.any(String), title: "Training", xLabel: "epoch", series: ["loss", "acc"] } },
      { kind: "chart-points", id: expect.any(String), points: [{ x: 1, y: [0.5, 0.8] }] },
      { kind: "chart-points", id: expect.any(String), points: [{ x: 7, y: [null, null] }] },
    ]);
  });

  it("an image becomes RGBA pixels, grey for one channel, scaled for display", async () => {
    const { display, outputs } = collect();
    await display.image(tf.tensor2d([[0, 1], [0.5, 0.25]]), { label: "tiny" });
    const image = outputs[0] as Extract<CellOutput, { kind: "image" }>;
    expect(image).toMatchObject({ kind: "image", width: 2, height: 2, label: "tiny", scale: 70 });
    expect(Array.from(image.pixels)).toEqual([0, 0, 0, 255, 255, 255, 255, 255, 128, 128, 128, 255, 64, 64, 64, 255]);
  });

  it("normalize stretches a feature map's range to black..white, and nothing leaks", async () => {
    const { display, outputs } = collect();
    const before = tf.memory().numTensors;
    const map = tf.tensor3d([[[-2], [2]]]);
    await display.image(map, { normalize: true });
    map.dispose();
    const image = outputs[0] as Extract<CellOutput, { kind: "image" }>;
    expect([image.pixels[0], image.pixels[4]]).toEqual([0, 255]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("refuses a tensor that is not an image, saying which shapes work", async () => {
    const { display } = collect();
    await expect(display.image(tf.zeros([2, 2, 2, 2]))).rejects.toThrow("[height, width] or [height, width, channels]; got [2, 2, 2, 2]");
  });

  it("a table takes objects or rows; a progress bar sends whole-percent updates only", () => {
    const { display, outputs } = collect();
    display.table([{ a: 1, b: "x" }, { a: 2 }]);
    const bar = display.progress({ max: 1000 });
    for (let i = 1; i <= 1000; i++) bar.update(i);
    expect(outputs[0]).toEqual({ kind: "table", columns: ["a", "b"], rows: [["1", "x"], ["2", ""]] });
    const updates = outputs.filter((o) => o.kind === "progress");
    expect(updates.length).toBe(101); // 0%, then 1% … 100%
    expect(updates.at(-1)).toMatchObject({ value: 1000, max: 1000 });
  });

  it("fitCallbacks charts every logged metric per epoch and finishes the bar", async () => {
    const { display, outputs } = collect();
    const callbacks = display.fitCallbacks({ epochs: 2 });
    await callbacks.onEpochEnd(0, { loss: 1, acc: 0.5 });
    await callbacks.onEpochEnd(1, { loss: 0.5, acc: 0.75 });
    await callbacks.onTrainEnd();
    const chart = outputs.find((o) => o.kind === "chart");
    expect(chart).toMatchObject({ chart: { series: ["loss", "acc"], xLabel: "epoch" } });
    expect(outputs.filter((o) => o.kind === "chart-points").map((o) => (o as { points: unknown }).points)).toEqual([
      [{ x: 1, y: [1, 0.5] }],
      [{ x: 2, y: [0.5, 0.75] }],
    ]);
    expect(outputs.filter((o) => o.kind === "progress").at(-1)).toMatchObject({ value: 2, max: 2 });
  });
});

describe("display.sketch", () => {
  it("announces a pad of the asked size and keeps its callback for the kernel to call", async () => {
    const outputs: CellOutput[] = [];
    const sketches = new Map<string, SketchCallback>();
    const display = createDisplay(tf, (output) => outputs.push(output), sketches);
    display.sketch({ size: 112, label: "Draw a digit" }, (drawing) => drawing.shape.join("×"));
    expect(outputs).toEqual([{ kind: "sketch", id: expect.any(String), size: 112, label: "Draw a digit" }]);
    const id = (outputs[0] as { id: string }).id;
    const drawing = tf.zeros([112, 112, 1]) as tf.Tensor3D;
    expect(await sketches.get(id)!(drawing)).toBe("112×112×1");
    drawing.dispose();
  });

  it("refuses sizes the pad cannot send and a missing callback, with a message saying what to pass", () => {
    const { display } = collect();
    expect(() => display.sketch({ size: 4 }, () => undefined)).toThrow("display.sketch needs a size from 8 to 256 pixels; got 4.");
    expect(() => display.sketch({ size: 28 }, undefined as unknown as SketchCallback)).toThrow(/needs a function to call with each drawing/);
  });
});

describe("display.scatter and display.heatmap", () => {
  it("a scatter plot carries numbers and short text only, with axis names", () => {
    const { display, outputs } = collect();
    display.scatter([{ x: 1, y: "2" as unknown as number, label: "cat", group: "animals" }, { x: -1.5, y: 0 }], { title: "Words", x: "PC 1", y: "PC 2" });
    expect(outputs).toEqual([
      {
        kind: "scatter",
        title: "Words",
        xLabel: "PC 1",
        yLabel: "PC 2",
        points: [
          { x: 1, y: 2, label: "cat", group: "animals" },
          { x: -1.5, y: 0, label: undefined, group: undefined },
        ],
      },
    ]);
  });

  it("refuses points that are not finite, empty input and too many points, saying which", () => {
    const { display } = collect();
    expect(() => display.scatter([{ x: 0, y: 0 }, { x: Number.NaN, y: 1 }])).toThrow("point 1 needs finite numbers x and y; got x=NaN, y=1.");
    expect(() => display.scatter([])).toThrow(/non-empty array of points/);
    expect(() => display.scatter(Array.from({ length: 2001 }, () => ({ x: 0, y: 0 })))).toThrow("at most 2000 points; got 2001");
  });

  it("a heat map takes a tensor or rows, names rows and columns, and spans its own range unless told", async () => {
    const { display, outputs } = collect();
    const weights = tf.tensor3d([[[0.1, 0.9], [0.5, 0.5]]]);
    await display.heatmap(weights, { rows: ["the", "cat"], columns: ["the", "cat"], title: "Attention" });
    await display.heatmap([[1, 2, 3]], { min: 0, max: 10 });
    expect(weights.isDisposed).toBe(false);
    const first = outputs[0] as Extract<CellOutput, { kind: "heatmap" }>;
    expect(first).toMatchObject({ kind: "heatmap", title: "Attention", rows: ["the", "cat"], columns: ["the", "cat"] });
    expect([first.min, first.max, first.values[0]![1]]).toEqual([expect.closeTo(0.1), expect.closeTo(0.9), expect.closeTo(0.9)]);
    expect(outputs[1]).toEqual({ kind: "heatmap", title: undefined, rows: ["0"], columns: ["0", "1", "2"], values: [[1, 2, 3]], min: 0, max: 10 });
    weights.dispose();
  });

  it("refuses ragged rows, names that do not match and matrices too large to read", async () => {
    const { display } = collect();
    await expect(display.heatmap([[1, 2], [3]])).rejects.toThrow(/equally long rows/);
    await expect(display.heatmap([[1, 2]], { columns: ["a"] })).rejects.toThrow("2 columns but 1 names for them");
    await expect(display.heatmap(tf.zeros([65, 2]))).rejects.toThrow("at most 64 × 64 cells; got 65 × 2");
    await expect(display.heatmap(tf.zeros([2, 2, 2]))).rejects.toThrow("needs a 2-D tensor; got shape [2, 2, 2]");
  });
});
