import inspect from "object-inspect";
import { isTensorLike } from "./values";

/** How a cell's last value is shown: a tensor with its shape and dtype, or text. */
export type ValueOutput = { kind: "value"; text: string } | { kind: "tensor"; shape: number[]; dtype: string; text: string };

/**
 * The output shown for a cell's last value: tensors with their shape, dtype
 * and tfjs's own truncated print-out; anything else inspected, depth- and
 * length-limited so a huge array cannot flood the page.
 */
export function describeValue(value: unknown): ValueOutput {
  if (isTensorLike(value)) {
    if (value.isDisposed) return { kind: "value", text: `Tensor (disposed), shape [${value.shape.join(", ")}]` };
    return { kind: "tensor", shape: [...value.shape], dtype: value.dtype, text: value.toString().replace(/^Tensor\s*\n/, "") };
  }
  return { kind: "value", text: formatForLog(value) };
}

const MAX_TEXT = 20_000;

/** One console argument as text: strings as they are, everything else inspected. */
export function formatForLog(value: unknown): string {
  if (typeof value === "string") return truncate(value);
  if (isTensorLike(value)) return value.isDisposed ? "Tensor (disposed)" : value.toString();
  return truncate(inspect(value, { depth: 3, maxStringLength: 2000, indent: 2 }));
}

function truncate(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}… (${text.length - MAX_TEXT} more characters)` : text;
}
