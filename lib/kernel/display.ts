/**
 * The `display` helpers learner code calls inside the kernel. Each turns its
 * arguments into plain data (numbers, strings, pixels) and posts it to the
 * page, which draws it; nothing here touches the DOM.
 */
import type * as tfType from "@tensorflow/tfjs";
import { PLOT_LIMITS, type CellOutput, type ScatterPoint } from "./protocol";

type Post = (output: CellOutput, transfer?: Transferable[]) => void;

export type ChartHandle = { push(values: Record<string, number | undefined>, x?: number): void };
export type ProgressHandle = { update(value: number, label?: string): void; done(): void };

let nextId = 0;
const newId = (prefix: string) => `${prefix}-${++nextId}`;

/** What learner code runs when a drawing on a sketch pad is finished; its return value is shown under the pad. */
export type SketchCallback = (drawing: tfType.Tensor3D) => unknown;

/** Sketch pad sizes the page will draw: enough for MNIST-style digits, small enough to send on every stroke. */
const SKETCH_SIZES = { min: 8, max: 256 };

/**
 * `sketches` collects the callbacks of the sketch pads cells make, by id, so
 * the kernel can call them when the page sends a drawing.
 */
export function createDisplay(tf: typeof tfType, post: Post, sketches = new Map<string, SketchCallback>()) {
  function chart(options: { title?: string; x?: string; series: string[] }): ChartHandle {
    const id = newId("chart");
    let count = 0;
    post({ kind: "chart", chart: { id, title: options.title, xLabel: options.x ?? "step", series: [...options.series] } });
    return {
      push(values, x) {
        count += 1;
        const y = options.series.map((name) => {
          const v = values[name];
          return typeof v === "number" && Number.isFinite(v) ? v : null;
        });
        post({ kind: "chart-points", id, points: [{ x: x ?? count, y }] });
      },
    };
  }

  function progress(options: { max: number; label?: string }): ProgressHandle {
    const id = newId("progress");
    let last = 0; // the bar starts at 0%, sent below
    const send = (value: number, label?: string) => post({ kind: "progress", id, value, max: options.max, label: label ?? options.label });
    send(0);
    return {
      update(value, label) {
        // Only whole-percent changes are sent, so a tight training loop cannot flood the page.
        const percent = Math.floor((100 * value) / options.max);
        if (percent !== last || label) {
          last = percent;
          send(value, label);
        }
      },
      done() {
        send(options.max);
      },
    };
  }

  /** Draws a tensor as an image: [h, w] or [h, w, 1|3|4]; floats in [0, 1] unless `normalize` rescales min..max. */
  async function image(tensor: tfType.Tensor, options: { label?: string; scale?: number; normalize?: boolean } = {}) {
    const prepared = tf.tidy(() => {
      let t = tensor;
      if (t.rank === 4 && t.shape[0] === 1) t = t.squeeze([0]);
      if (t.rank !== 2 && t.rank !== 3) throw new Error(`display.image needs a tensor of shape [height, width] or [height, width, channels]; got [${tensor.shape.join(", ")}].`);
      if (options.normalize) {
        const min = t.min();
        const range = t.max().sub(min);
        t = t.sub(min).div(range.add(1e-12));
      }
      return t.dtype === "int32" ? t.clipByValue(0, 255) : t.toFloat().clipByValue(0, 1);
    }) as tfType.Tensor2D | tfType.Tensor3D;
    const pixels = await tf.browser.toPixels(prepared);
    const [height, width] = prepared.shape;
    prepared.dispose();
    const scale = options.scale ?? Math.max(1, Math.floor(140 / Math.max(width, height)));
    post({ kind: "image", width, height, pixels, label: options.label, scale }, [pixels.buffer]);
  }

  function table(rows: Array<Record<string, unknown>> | unknown[][], columns?: string[]) {
    const first = rows[0];
    const cols = columns ?? (Array.isArray(first) ? first.map((_, i) => String(i)) : Object.keys(first ?? {}));
    const cells = rows.slice(0, 500).map((row) =>
      Array.isArray(row) ? row.map((v) => String(v)) : cols.map((c) => String((row as Record<string, unknown>)[c] ?? "")),
    );
    post({ kind: "table", columns: cols, rows: cells });
  }

  /** A scatter plot of points, each group with its own marker, each point optionally labelled (e.g. a word). */
  function scatter(points: ScatterPoint[], options: { title?: string; x?: string; y?: string } = {}) {
    if (!Array.isArray(points) || points.length === 0) throw new Error("display.scatter needs a non-empty array of points: [{ x: 1, y: 2, label: \"cat\", group: \"animals\" }, …].");
    if (points.length > PLOT_LIMITS.points) throw new Error(`display.scatter shows at most ${PLOT_LIMITS.points} points; got ${points.length}.`);
    const clean = points.map((point, i) => {
      const x = Number(point?.x);
      const y = Number(point?.y);
      if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`display.scatter: point ${i} needs finite numbers x and y; got x=${point?.x}, y=${point?.y}.`);
      return { x, y, label: shortText(point.label), group: shortText(point.group) };
    });
    post({ kind: "scatter", title: shortText(options.title, PLOT_LIMITS.title), xLabel: shortText(options.x) ?? "x", yLabel: shortText(options.y) ?? "y", points: clean });
  }

  /**
   * A matrix ([rows][columns] numbers or a 2-D tensor) as a heat map, e.g.
   * attention weights with `rows` the queries' tokens and `columns` the keys'.
   * Colours run from `min` to `max`, by default the matrix's own range.
   */
  async function heatmap(matrix: number[][] | tfType.Tensor, options: { rows?: string[]; columns?: string[]; title?: string; min?: number; max?: number } = {}) {
    const values = matrix instanceof tf.Tensor ? await matrixOf(matrix) : matrix;
    if (!Array.isArray(values) || values.length === 0 || !values.every((row) => Array.isArray(row) && row.length === values[0]!.length && row.length > 0)) {
      throw new Error("display.heatmap needs a 2-D tensor or an array of equally long rows of numbers.");
    }
    const [height, width] = [values.length, values[0]!.length];
    if (height > PLOT_LIMITS.cells || width > PLOT_LIMITS.cells) throw new Error(`display.heatmap shows at most ${PLOT_LIMITS.cells} × ${PLOT_LIMITS.cells} cells; got ${height} × ${width}.`);
    const names = (given: string[] | undefined, count: number, what: string) => {
      if (given === undefined) return Array.from({ length: count }, (_, i) => String(i));
      if (given.length !== count) throw new Error(`display.heatmap: ${count} ${what} but ${given.length} names for them.`);
      return given.map((name) => shortText(name) ?? "");
    };
    const numbers = values.map((row) => row.map(Number));
    const finite = numbers.flat().filter(Number.isFinite);
    const min = options.min ?? Math.min(...finite);
    const max = options.max ?? Math.max(...finite);
    post({ kind: "heatmap", title: shortText(options.title, PLOT_LIMITS.title), rows: names(options.rows, height, "rows"), columns: names(options.columns, width, "columns"), values: numbers, min, max });
  }

  async function matrixOf(tensor: tfType.Tensor): Promise<number[][]> {
    const squeezed = tensor.rank > 2 ? tensor.squeeze() : tensor;
    try {
      if (squeezed.rank !== 2) throw new Error(`display.heatmap needs a 2-D tensor; got shape [${tensor.shape.join(", ")}].`);
      return (await squeezed.array()) as number[][];
    } finally {
      if (squeezed !== tensor) squeezed.dispose();
    }
  }

  /**
   * Callbacks for model.fit that chart every logged metric per epoch and show
   * a progress bar, e.g. `await model.fit(xs, ys, { epochs: 10, callbacks: display.fitCallbacks({ epochs: 10 }) })`.
   */
  function fitCallbacks(options: { epochs: number; title?: string }) {
    let lossChart: ChartHandle | undefined;
    let series: string[] = [];
    const bar = progress({ max: options.epochs, label: "Training" });
    return {
      onEpochEnd: async (epoch: number, logs?: Record<string, number>) => {
        if (!lossChart) {
          series = Object.keys(logs ?? {});
          lossChart = chart({ title: options.title ?? "Training", x: "epoch", series });
        }
        lossChart.push(logs ?? {}, epoch + 1);
        bar.update(epoch + 1, `Epoch ${epoch + 1} of ${options.epochs}`);
      },
      onTrainEnd: async () => bar.done(),
    };
  }

  /**
   * A drawing pad under the cell. Each time the learner lifts the pen, `onDraw`
   * gets the drawing as a [size, size, 1] tensor (white ink 1 on black 0, like
   * MNIST; disposed after `onDraw` returns) and whatever it returns is shown
   * under the pad.
   */
  function sketch(options: { size?: number; label?: string }, onDraw: SketchCallback) {
    const size = Math.round(options.size ?? 28);
    if (!(size >= SKETCH_SIZES.min && size <= SKETCH_SIZES.max)) {
      throw new Error(`display.sketch needs a size from ${SKETCH_SIZES.min} to ${SKETCH_SIZES.max} pixels; got ${options.size}.`);
    }
    if (typeof onDraw !== "function") throw new Error("display.sketch needs a function to call with each drawing: display.sketch({ size: 28 }, (drawing) => …).");
    const id = newId("sketch");
    sketches.set(id, onDraw);
    post({ kind: "sketch", id, size, label: options.label });
  }

  return { chart, progress, image, table, scatter, heatmap, fitCallbacks, sketch };
}

/** Text from learner code for a label or title: a string, cut to a length a plot can show. */
function shortText(value: unknown, limit = PLOT_LIMITS.label): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value);
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}
