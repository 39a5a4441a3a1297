/**
 * Calls one of the learner's functions where the learner's code lives (the
 * browser kernel, or the server's sandbox isolate) and copies the answer out
 * as plain data. Runs next to untrusted code: everything it returns is
 * checked again by whoever receives it.
 */
import { locateInStack } from "./stack-location";
import { truncate } from "./truncate";
import { fromValue, isTensorLike, toValue, UnreadableValue, type TensorFactory, type Value } from "./values";

/** The file name learner code runs under in the grader, which is how error lines are found in stacks. */
export const SUBMISSION_FILE = "submission.js";

export type CallOutcome = { ok: true; value: Value } | { ok: false; message: string; line?: number };

type Disposable = { dispose(): void };

/** Collects the tensors made for the arguments so they can be freed after the call. */
function collectTensors(value: unknown, into: Disposable[]): void {
  if (isTensorLike(value)) into.push(value as unknown as Disposable);
  else if (Array.isArray(value)) value.forEach((item) => collectTensors(item, into));
  else if (value && typeof value === "object") Object.values(value).forEach((item) => collectTensors(item, into));
}

export async function callLearnerFunction(
  scope: Record<string, unknown>,
  name: string,
  args: Value[],
  tf: TensorFactory,
  fileName: string,
): Promise<CallOutcome> {
  const fn = scope[name];
  if (typeof fn !== "function") {
    return { ok: false, message: `there is no function called \`${name}\`: define \`function ${name}(…)\` at the top level of your code` };
  }
  const inputs = args.map((arg) => fromValue(arg, tf));
  try {
    const result: unknown = await (fn as (...a: unknown[]) => unknown)(...inputs);
    try {
      return { ok: true, value: toValue(result) };
    } catch (error) {
      if (error instanceof UnreadableValue) return { ok: false, message: `\`${name}\` returned something that cannot be checked: ${error.message}` };
      throw error;
    }
  } catch (error) {
    return { ok: false, ...describeThrown(error, `\`${name}\` threw`, fileName) };
  } finally {
    const made: Disposable[] = [];
    collectTensors(inputs, made);
    for (const tensor of made) tensor.dispose();
  }
}

/** "`mse` threw TypeError: …" with the learner's line, read defensively: the thrown value is the learner's. */
export function describeThrown(error: unknown, prefix: string, fileName: string): { message: string; line?: number } {
  let name = "Error";
  let message: string;
  let stack: string | undefined;
  try {
    if (error instanceof Error) {
      name = String(error.name);
      message = String(error.message);
      stack = typeof error.stack === "string" ? error.stack : undefined;
    } else {
      message = typeof error === "string" ? error : `a non-error value (${typeof error})`;
    }
  } catch {
    message = "an error that could not be read";
  }
  const line = locateInStack(stack, fileName)?.line;
  return { message: `${prefix} ${truncate(name, 100)}: ${truncate(message, 500)}${line ? ` (line ${line})` : ""}`, line };
}
