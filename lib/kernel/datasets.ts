/**
 * The `data` helpers: small seeded synthetic datasets for the regression and
 * classification lessons (the same seed gives the same data on every device
 * and backend: tfjs draws seeded random numbers in JavaScript, not on the
 * GPU), real MNIST digits and real English sentences (WordNet's examples),
 * both prepared by scripts/prepare-assets.ts.
 */
import type * as tfType from "@tensorflow/tfjs";

export const MNIST_IMAGE_SIZE = 28;
export const MNIST_TEST_COUNT = 2000;
/** How many of the corpus's sentences `data.text()` holds out for testing (its last ones). */
export const TEXT_TEST_COUNT = 3000;

/** The rule behind `data.houses` (prices in thousands): what a fitted model should recover. */
export const HOUSE_PRICE = { area: 2.5, age: -1.8, base: 60, noise: 12 } as const;

/** Reads one of the site's files, e.g. "data/mnist/labels.bin": by fetch in the kernel, from disk in tests. */
export type ReadAsset = (path: string) => Promise<ArrayBuffer>;

/** Reads the site's files over HTTP from `assetBase` (the site's origin). */
export function fetchAssets(assetBase: string): ReadAsset {
  return async (path) => {
    const response = await fetch(`${assetBase}/${path}`);
    if (!response.ok) throw new Error(`Could not load ${path} (HTTP ${response.status}). Run \`npm run assets\`.`);
    return response.arrayBuffer();
  };
}

export function createData(tf: typeof tfType, readAsset: ReadAsset) {
  /** y = slope·x + intercept + Gaussian noise, with x uniform in [0, 1). */
  function linear({ n = 100, slope = 2, intercept = 1, noise = 0.1, seed = 42 } = {}) {
    return tf.tidy(() => {
      const x = tf.randomUniform([n, 1], 0, 1, "float32", seed) as tfType.Tensor2D;
      const y = x.mul(slope).add(intercept).add(tf.randomNormal([n, 1], 0, noise, "float32", seed + 1)) as tfType.Tensor2D;
      return { x, y };
    });
  }

  /**
   * Houses: area in m² (uniform 40–200) and age in years (uniform 0–60) as x [n, 2],
   * price in thousands as y [n, 1] = 2.5·area − 1.8·age + 60 + Gaussian noise (σ = 12).
   */
  function houses({ n = 200, seed = 11 } = {}) {
    return tf.tidy(() => {
      const area = tf.randomUniform([n, 1], 40, 200, "float32", seed);
      const age = tf.randomUniform([n, 1], 0, 60, "float32", seed + 1);
      const price = area.mul(HOUSE_PRICE.area).add(age.mul(HOUSE_PRICE.age)).add(HOUSE_PRICE.base).add(tf.randomNormal([n, 1], 0, HOUSE_PRICE.noise, "float32", seed + 2));
      return { x: tf.concat([area, age], 1) as tfType.Tensor2D, y: price as tfType.Tensor2D };
    });
  }

  /** Two Gaussian blobs in 2-D with unit spread, centred `separation` apart; labels 0 and 1, n of each. */
  function twoClasses({ n = 100, separation = 2, seed = 7 } = {}) {
    return tf.tidy(() => {
      const labels = tf.tensor2d(Array.from({ length: 2 * n }, (_, i) => i % 2), [2 * n, 1]);
      const centres = labels.sub(0.5).mul(separation).tile([1, 2]);
      const x = tf.randomNormal([2 * n, 2], 0, 1, "float32", seed).add(centres) as tfType.Tensor2D;
      return { x, y: labels };
    });
  }

  /** Real MNIST digits: 10,000 from the `mnist` package, shuffled once, the last 2,000 held out for testing. */
  let mnistCache: ReturnType<typeof loadMnist> | undefined;
  // Loaded once per kernel: re-running a cell reuses the tensors instead of leaking another copy.
  function mnist() {
    mnistCache ??= loadMnist().catch((error: unknown) => {
      mnistCache = undefined;
      throw error;
    });
    return mnistCache;
  }

  async function loadMnist() {
    const [images, labels] = await Promise.all(
      ["images.bin", "labels.bin"].map(async (name) => new Uint8Array(await readAsset(`data/mnist/${name}`))),
    );
    const count = labels!.length;
    const pixels = MNIST_IMAGE_SIZE * MNIST_IMAGE_SIZE;
    const split = (from: number, to: number) =>
      tf.tidy(() => ({
        images: tf.tensor4d(images!.subarray(from * pixels, to * pixels), [to - from, MNIST_IMAGE_SIZE, MNIST_IMAGE_SIZE, 1], "int32").toFloat().div(255) as tfType.Tensor4D,
        labels: tf.tensor1d(labels!.subarray(from, to), "int32"),
      }));
    return { train: split(0, count - MNIST_TEST_COUNT), test: split(count - MNIST_TEST_COUNT, count) };
  }

  /** Real English: WordNet 3.1's example sentences, lower case, shuffled once; the last 3,000 held out. */
  let textCache: Promise<{ train: string[]; test: string[] }> | undefined;
  // Loaded once per kernel, like MNIST; plain strings, so there is nothing to dispose.
  function text() {
    textCache ??= readAsset("data/text/sentences.txt").then(
      (bytes) => {
        const sentences = new TextDecoder().decode(bytes).split("\n").filter((line) => line.length > 0);
        const split = sentences.length - TEXT_TEST_COUNT;
        return { train: sentences.slice(0, split), test: sentences.slice(split) };
      },
      (error: unknown) => {
        textCache = undefined;
        throw error;
      },
    );
    return textCache;
  }

  return { linear, houses, twoClasses, mnist, text };
}
