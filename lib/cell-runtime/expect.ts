/**
 * The checks exercise tests are written with. Each failure message says what
 * was expected, what came back and, where it helps, what probably went wrong,
 * because a learner reads it instead of the test's code.
 * One source for the browser kernel (Check) and the grader (Submit).
 */
import { describe, formatNumber, isTensorData, toValue, type TensorData, type Value } from "./values";

/** A test's expectation did not hold; the message is shown to the learner. */
export class CheckFailure extends Error {
  override name = "CheckFailure";
}

export type Tolerance = { rtol?: number; atol?: number };
const DEFAULT_TOLERANCE = { rtol: 1e-5, atol: 1e-6 };

function fail(message: string): never {
  throw new CheckFailure(message);
}

function asTensor(got: unknown, what: string): TensorData {
  const value = toValue(got);
  if (isTensorData(value)) return value;
  return fail(`expected ${what}, got ${describe(value)}`);
}

const shapeText = (shape: readonly number[]) => `[${shape.join(",")}]`;

/** The multi-dimensional index of a flat position, e.g. [1,0] in a [2,2] tensor. */
function indexOf(flat: number, shape: readonly number[]): string {
  if (shape.length <= 1) return `[${flat}]`;
  const index: number[] = [];
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const size = shape[axis] ?? 1;
    index.unshift(flat % size);
    flat = Math.floor(flat / size);
  }
  return shapeText(index);
}

/** Numbers and nested arrays of numbers, flattened with their shape. */
function numbersOf(value: Value, what: string): { values: number[]; shape: number[] | undefined } {
  if (typeof value === "number") return { values: [value], shape: [] };
  if (isTensorData(value)) return { values: value.values, shape: value.shape };
  if (Array.isArray(value)) {
    const flat = (value as unknown[]).flat(Infinity as 1);
    if (flat.every((x) => typeof x === "number")) return { values: flat as number[], shape: undefined };
  }
  return fail(`expected ${what}, got ${describe(value)}`);
}

export const expect = {
  /** A tensor of exactly this shape. */
  shape(got: unknown, shape: number[], hint?: string): void {
    const tensor = asTensor(got, `a tensor of shape ${shapeText(shape)}`);
    if (tensor.shape.length !== shape.length || tensor.shape.some((size, i) => size !== shape[i])) {
      fail(`expected shape ${shapeText(shape)}, got ${shapeText(tensor.shape)}${hint ? `: ${hint}` : ""}`);
    }
  },

  dtype(got: unknown, dtype: string): void {
    const tensor = asTensor(got, `a ${dtype} tensor`);
    if (tensor.dtype !== dtype) fail(`expected dtype ${dtype}, got ${tensor.dtype}`);
  },

  /** Every value is a finite number: no NaN, no Infinity (the usual sign of log(0) or overflow). */
  finite(got: unknown, hint?: string): void {
    const { values, shape } = numbersOf(toValue(got), "numbers");
    const at = values.findIndex((x) => !Number.isFinite(x));
    if (at >= 0) fail(`value at ${indexOf(at, shape ?? [values.length])} is ${values[at]}${hint ? `: ${hint}` : ""}`);
  },

  /**
   * Close to the expected numbers elementwise: |got − expected| ≤ atol + rtol·|expected|.
   * When both are tensors their shapes must match first.
   */
  close(got: unknown, expected: unknown, tolerance: Tolerance = {}, hint?: string): void {
    const { rtol, atol } = { ...DEFAULT_TOLERANCE, ...tolerance };
    const want = numbersOf(toValue(expected), "numbers");
    const have = numbersOf(toValue(got), want.shape ? `a tensor of shape ${shapeText(want.shape)}` : "numbers");
    if (want.shape && have.shape && shapeText(want.shape) !== shapeText(have.shape)) {
      const scalarHint = want.shape.length === 0 ? " (a scalar: did you forget to take the mean?)" : "";
      fail(`expected shape ${shapeText(want.shape)}, got ${shapeText(have.shape)}${scalarHint}`);
    }
    if (have.values.length !== want.values.length) fail(`expected ${want.values.length} values, got ${have.values.length}`);
    for (let i = 0; i < want.values.length; i++) {
      const g = have.values[i]!;
      const w = want.values[i]!;
      const allowed = atol + rtol * Math.abs(w);
      if (!(Math.abs(g - w) <= allowed) && !(Number.isNaN(g) && Number.isNaN(w))) {
        const where = want.shape && want.shape.length === 0 ? "value" : `value at ${indexOf(i, want.shape ?? have.shape ?? [want.values.length])}`;
        fail(`${where} is ${formatNumber(g)}, expected ${formatNumber(w)} ± ${formatNumber(allowed)}${hint ? `: ${hint}` : ""}`);
      }
    }
  },

  /** Exactly equal (numbers, text, booleans, and arrays of them). */
  equal(got: unknown, expected: unknown, hint?: string): void {
    const have = toValue(got);
    const want = toValue(expected);
    if (JSON.stringify(have) !== JSON.stringify(want)) {
      const show = (v: Value) => (typeof v === "number" || Array.isArray(v) ? JSON.stringify(v) : describe(v));
      fail(`expected ${show(want)}, got ${show(have)}${hint ? `: ${hint}` : ""}`);
    }
  },

  /**
   * A loss curve that goes down: each value at most the one before it (plus
   * a little slack for float noise), and the last clearly below the first.
   */
  decreasing(got: unknown, options: { hint?: string; slack?: number } = {}): void {
    const { values } = numbersOf(toValue(got), "a list of losses");
    const hint = options.hint ? `: ${options.hint}` : "";
    const slack = options.slack ?? 1e-6;
    if (values.length < 2) fail(`expected a loss for every step, got ${values.length}`);
    for (let step = 1; step < values.length; step++) {
      const before = values[step - 1]!;
      const after = values[step]!;
      if (!Number.isFinite(after)) fail(`your loss became ${after} after ${step} steps${hint}`);
      if (after > before + slack * Math.max(1, Math.abs(before))) {
        fail(`your loss went up after ${step} step${step === 1 ? "" : "s"} (from ${formatNumber(before)} to ${formatNumber(after)})${hint}`);
      }
    }
    if (!(values[values.length - 1]! < values[0]!)) fail(`your loss did not go down (${formatNumber(values[0]!)} at the start, ${formatNumber(values[values.length - 1]!)} at the end)${hint}`);
  },

  /** A condition of the test's own, with the message to show when it fails. */
  that(condition: boolean, message: string): void {
    if (!condition) fail(message);
  },
};

export type Expect = typeof expect;
