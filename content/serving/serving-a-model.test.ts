/**
 * Checks the serving lesson by running its own cells in Node (CPU backend):
 * the parameter count and B = 4P, the held-out accuracy the prose quotes,
 * that a model saved as the download cell saves it passes the server's upload
 * check and loads back computing exactly the same predictions, and that the
 * call cell's body passes the server's shape check while the refusals cell's
 * bad requests do not. The IndexedDB, download and call cells need a browser
 * and a server: e2e/serving.spec.ts runs them.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { InstancesError, readInstances } from "@/lib/serving/instances";
import { readModelFiles } from "@/lib/serving/model-files";
import { toModelJson } from "@/lib/kernel/model-json";
import { createLessonKernel } from "@/test/lesson-kernel";

const kernel = createLessonKernel("content/serving/serving-a-model.mdx");
const scope = globalThis as Record<string, unknown>;
const model = () => scope.digitsModel as tf.LayersModel;
const testImages = () => (scope.test as { images: tf.Tensor4D }).images;

beforeAll(async () => {
  await tf.setBackend("cpu");
  await kernel.run("model");
  await kernel.run("train");
}, 120_000);

describe("the saved model", () => {
  it("has P = 784·128 + 128 + 128·10 + 10 parameters and B = 4P bytes of weights", async () => {
    expect(model().countParams()).toBe(784 * 128 + 128 + 128 * 10 + 10);
    expect(model().countParams()).toBe(101_770);
    await kernel.run("artifacts");
    expect(kernel.outputs).toContainEqual({ kind: "log", level: "log", text: "weights: 407080 bytes = 4 × 101770 parameters" });
    const table = kernel.outputs.findLast((o) => o.kind === "table");
    expect(table?.kind === "table" && table.rows.map((row) => row[1])).toEqual(["[784, 128]", "[128]", "[128, 10]", "[10]"]);
    const bytes = table?.kind === "table" ? table.rows.reduce((sum, row) => sum + Number(row[3]), 0) : 0;
    expect(bytes).toBe(407_080);
  });

  it("reaches the held-out accuracy the lesson quotes (about 93%)", () => {
    const line = kernel.outputs.find((o) => o.kind === "log" && o.text.startsWith("held-out accuracy"));
    const accuracy = Number(line?.kind === "log" ? line.text.split(": ")[1] : NaN);
    expect(accuracy).toBeGreaterThan(0.9);
  });

  it("passes the server's upload check as downloads:// writes it, and loads back computing the same predictions", async () => {
    let files: { json: Uint8Array; weights: Uint8Array } | undefined;
    await model().save(
      tf.io.withSaveHandler(async (artifacts) => {
        const json = toModelJson(artifacts as unknown as Record<string, unknown>, "digits-dense.weights.bin");
        files = { json: new TextEncoder().encode(JSON.stringify(json)), weights: new Uint8Array(artifacts.weightData as ArrayBuffer) };
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
      }),
    );
    const read = readModelFiles({ name: "digits-dense.json", bytes: files!.json }, [{ name: "digits-dense.weights.bin", bytes: files!.weights }]);
    expect(read).toMatchObject({ parameters: 101_770, bytes: 407_080 });
    const restored = await tf.loadLayersModel(tf.io.fromMemory(read.artifacts as unknown as tf.io.ModelArtifacts));
    const sample = testImages().slice([0, 0, 0, 0], [100, 28, 28, 1]);
    const difference = tf.tidy(() => (restored.predict(sample) as tf.Tensor).sub(model().predict(sample) as tf.Tensor).abs().max().dataSync()[0]);
    expect(difference).toBe(0);
  });
});

describe("the requests", () => {
  const inputShape = [null, 28, 28, 1];

  it("the call cell's body has the shape the served model takes", () => {
    const digits = testImages().slice([0, 0, 0, 0], [8, 28, 28, 1]);
    expect(readInstances(digits.arraySync(), inputShape).shape).toEqual([8, 28, 28, 1]);
  });

  it("the refusals cell's wrong shapes are refused before the model runs", () => {
    const flat = testImages().slice([0, 0, 0, 0], [1, 28, 28, 1]).reshape([1, 784]).arraySync();
    expect(() => readInstances(flat, inputShape)).toThrow(InstancesError);
    expect(() => readInstances(flat, inputShape)).toThrow("instances[0] has shape [784]; this model takes [28, 28, 1]");
    expect(() => readInstances([[[0.5]]], inputShape)).toThrow("instances[0] has shape [1, 1]");
  });
});
