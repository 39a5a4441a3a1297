/**
 * What learner code in a cell can use without importing anything. The editor
 * (Monaco) loads this file for completion and hover docs; the kernel worker
 * defines the same names (see kernel.worker.ts, display.ts, datasets.ts), and
 * a unit test checks the two agree.
 */

/** TensorFlow.js 4.22, on the fastest backend this browser has. */
declare const tf: typeof import("@tensorflow/tfjs");

/** Shows things under the cell: charts, images, tables, progress bars. */
declare const display: {
  /** A line chart that grows as you push points, e.g. loss per epoch. */
  chart(options: { title?: string; x?: string; series: string[] }): {
    /** Adds one point per series; `x` defaults to 1, 2, 3, … */
    push(values: Record<string, number | undefined>, x?: number): void;
  };
  /** A progress bar from 0 to `max`. */
  progress(options: { max: number; label?: string }): { update(value: number, label?: string): void; done(): void };
  /**
   * Draws a tensor as an image: shape [height, width] or [height, width, 1 | 3 | 4].
   * Floats are read as 0 (black) to 1 (white); `normalize: true` stretches min..max to black..white.
   */
  image(tensor: import("@tensorflow/tfjs").Tensor, options?: { label?: string; scale?: number; normalize?: boolean }): Promise<void>;
  /** A table from objects (columns from their keys) or from rows of values. */
  table(rows: Array<Record<string, unknown>> | unknown[][], columns?: string[]): void;
  /**
   * A scatter plot, e.g. word vectors projected to 2-D: points of the same `group` share a marker
   * and colour, and a `label` is written beside its point. At most 2,000 points.
   */
  scatter(
    points: Array<{ x: number; y: number; label?: string; group?: string }>,
    options?: { title?: string; x?: string; y?: string },
  ): void;
  /**
   * A matrix as a heat map, e.g. attention weights: `rows` and `columns` name the rows and columns
   * (e.g. tokens). Colours run from `min` to `max`, by default the matrix's own range. At most 64 × 64.
   */
  heatmap(
    matrix: number[][] | import("@tensorflow/tfjs").Tensor,
    options?: { rows?: string[]; columns?: string[]; title?: string; min?: number; max?: number },
  ): Promise<void>;
  /** Callbacks for `model.fit` that chart every metric per epoch and show progress. */
  fitCallbacks(options: { epochs: number; title?: string }): import("@tensorflow/tfjs").CustomCallbackArgs;
  /**
   * A drawing pad under the cell. Each time the learner lifts the pen, `onDraw` gets the drawing
   * as a [size, size, 1] tensor (white ink 1 on black 0, like MNIST; disposed after `onDraw`
   * returns), and what it returns is shown under the pad. `size` defaults to 28.
   */
  sketch(
    options: { size?: number; label?: string },
    onDraw: (drawing: import("@tensorflow/tfjs").Tensor3D) => unknown,
  ): void;
};

/** Datasets for the lessons. */
declare const data: {
  /** y = slope·x + intercept + Gaussian noise, x uniform in [0, 1); the same seed gives the same data. */
  linear(options?: { n?: number; slope?: number; intercept?: number; noise?: number; seed?: number }): {
    x: import("@tensorflow/tfjs").Tensor2D;
    y: import("@tensorflow/tfjs").Tensor2D;
  };
  /**
   * Houses: x [n, 2] holds area in m² (40–200) and age in years (0–60); y [n, 1] the price in
   * thousands, 2.5·area − 1.8·age + 60 plus Gaussian noise (σ = 12). The same seed gives the same houses.
   */
  houses(options?: { n?: number; seed?: number }): {
    x: import("@tensorflow/tfjs").Tensor2D;
    y: import("@tensorflow/tfjs").Tensor2D;
  };
  /** Two Gaussian blobs in 2-D with labels 0 and 1, n points each. */
  twoClasses(options?: { n?: number; separation?: number; seed?: number }): {
    x: import("@tensorflow/tfjs").Tensor2D;
    y: import("@tensorflow/tfjs").Tensor2D;
  };
  /**
   * 10,000 real MNIST digits: images [n, 28, 28, 1] scaled to [0, 1] and labels [n] (int32);
   * 8,000 to train on and 2,000 held out. Loaded once per kernel.
   */
  mnist(): Promise<{
    train: { images: import("@tensorflow/tfjs").Tensor4D; labels: import("@tensorflow/tfjs").Tensor1D };
    test: { images: import("@tensorflow/tfjs").Tensor4D; labels: import("@tensorflow/tfjs").Tensor1D };
  }>;
  /**
   * Real English: the 43,041 example sentences of WordNet 3.1 (e.g. "she is training to be a teacher"),
   * in lower case with only letters, apostrophes and single spaces, shuffled once; the last 3,000 are
   * held out as `test`. Loaded once per kernel.
   */
  text(): Promise<{ train: string[]; test: string[] }>;
};
