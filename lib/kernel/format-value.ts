import inspect from "object-inspect";
import type { CellOutput } from "./protocol";

/** What a tensor looks like to this module: enough of tf.Tensor to describe one without importing tfjs. */
export type TensorLike = { shape: number[]; dtype: string; toString(verbose?: boolean): string; isDisposed: boolean };

export function isTensor(value: unknown): value is TensorLike {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as TensorLike).shape) &&
    typeof (value as TensorLike).dtype === "string" &&
    typeof (value as TensorLike).toString === "function" &&
    "isDisposed" in value
  );
}

/**
 * The output shown for a cell's last value: tensors with their shape, dtype
 * and tfjs's own truncated print-out; anything else inspected, depth- and
 * length-limited so a huge array cannot flood the page.
 */
export function describeValue(value: unknown): CellOutput {
  if (isTensor(value)) {
    if (value.isDisposed) return { kind: "value", text: `Tensor (disposed), shape [${value.shape.join(", ")}]` };
    return { kind: "tensor", shape: [...value.shape], dtype: value.dtype, text: value.toString().replace(/^Tensor\s*\n/, "") };
  }
  return { kind: "value", text: formatForLog(value) };
}

const MAX_TEXT = 20_000;

/** One console argument as text: strings as they are, everything else inspected. */
export function formatForLog(value: unknown): string {
  if (typeof value === "string") return truncate(value);
  if (isTensor(value)) return value.isDisposed ? "Tensor (disposed)" : value.toString();
  return truncate(inspect(value, { depth: 3, maxStringLength: 2000, indent: 2 }));
}

function truncate(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${text.length - MAX_TEXT} more characters)` : text;
}
