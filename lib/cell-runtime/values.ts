/**
 * Plain values that cross from learner code to the tests: a tensor becomes
 * its shape, dtype and numbers. Tests never hold one of the learner's own
 * objects, so nothing the learner returns can run code inside a test, and
 * the browser kernel and the server sandbox hand tests exactly the same data.
 * Shared by the kernel worker, the sandbox runtime and the grader process.
 */

export type TensorData = { kind: "tensor"; shape: number[]; dtype: string; values: number[] };
export type Value = number | string | boolean | null | undefined | TensorData | Value[] | { [key: string]: Value };

/**
 * What a tensor looks like to the cell runtime: enough of tf.Tensor to copy
 * and describe one without importing tfjs, so it works with any tfjs
 * instance (page, worker, isolate, Node).
 */
export type TensorLike = { shape: number[]; dtype: string; dataSync(): ArrayLike<number | string>; toString(verbose?: boolean): string; isDisposed: boolean };
export type TensorFactory = { tensor(values: number[], shape: number[], dtype?: never): unknown };

/** Learner code returned something tests cannot read (a function, a cycle, a value too large). */
export class UnreadableValue extends Error {
  override name = "UnreadableValue";
}

/** Values larger than this are not copied out of learner code: no exercise needs them, and a huge copy is a memory attack. */
export const MAX_ELEMENTS = 1_000_000;
const MAX_DEPTH = 8;

export function isTensorLike(value: unknown): value is TensorLike {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as TensorLike).shape) &&
    typeof (value as TensorLike).dtype === "string" &&
    typeof (value as TensorLike).dataSync === "function"
  );
}

export function isTensorData(value: unknown): value is TensorData {
  return typeof value === "object" && value !== null && (value as TensorData).kind === "tensor" && Array.isArray((value as TensorData).shape);
}

/** Copies any value (tensors included, in nested arrays and objects) into plain data. */
export function toValue(input: unknown): Value {
  let budget = MAX_ELEMENTS;
  const seen = new Set<unknown>();
  const spend = (n: number) => {
    budget -= n;
    if (budget < 0) throw new UnreadableValue(`the result is too large to check (more than ${MAX_ELEMENTS.toLocaleString("en")} numbers)`);
  };
  const copy = (value: unknown, depth: number): Value => {
    if (value === null || value === undefined || typeof value === "number" || typeof value === "boolean") return value;
    if (typeof value === "string") {
      spend(Math.ceil(value.length / 8));
      return value;
    }
    if (typeof value === "bigint") return Number(value);
    if (typeof value === "function") throw new UnreadableValue("a function was returned where a value was expected");
    if (typeof value !== "object") throw new UnreadableValue(`a ${typeof value} cannot be checked`);
    if (depth > MAX_DEPTH) throw new UnreadableValue("the result is nested too deeply to check");
    if (seen.has(value)) throw new UnreadableValue("the result refers to itself");
    seen.add(value);
    if (isTensorLike(value)) {
      if (value.isDisposed) throw new UnreadableValue("a tensor was returned after it was disposed (did tf.tidy dispose it?)");
      const size = value.shape.reduce((a, b) => a * b, 1);
      spend(size);
      return { kind: "tensor", shape: [...value.shape], dtype: value.dtype, values: Array.from(value.dataSync(), Number) };
    }
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const array = value as unknown as ArrayLike<number>;
      spend(array.length);
      return Array.from(array, Number);
    }
    if (Array.isArray(value)) {
      spend(value.length);
      return value.map((item) => copy(item, depth + 1));
    }
    const entries = Object.entries(value);
    spend(entries.length);
    return Object.fromEntries(entries.map(([key, item]) => [key, copy(item, depth + 1)]));
  };
  return copy(input, 0);
}

/** The reverse, for arguments: plain tensor data becomes a tensor of the receiving side's tfjs. */
export function fromValue(value: Value, tf: TensorFactory): unknown {
  if (isTensorData(value)) return tf.tensor(value.values, value.shape, value.dtype as never);
  if (Array.isArray(value)) return value.map((item) => fromValue(item, tf));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fromValue(item, tf)]));
  return value;
}

/** How a value reads in a failure message: short, and the same wherever it is printed. */
export function describe(value: Value): string {
  if (isTensorData(value)) return `a tensor of shape [${value.shape.join(",")}]`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (value === null || value === undefined) return String(value);
  if (typeof value === "number") return `the number ${formatNumber(value)}`;
  if (typeof value === "string") return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === "boolean") return String(value);
  return "an object";
}

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const magnitude = Math.abs(x);
  if (magnitude >= 1e6 || magnitude < 1e-3) return x.toExponential(3).replace(/\.?0+e/, "e");
  return String(Number(x.toPrecision(6)));
}
