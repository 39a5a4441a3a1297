/**
 * Finding the learner's line in a stack trace. Kept apart from prepare-cell
 * (which pulls in a TypeScript transpiler) because the grading sandbox needs
 * only this.
 */

/** Lines the AsyncFunction constructor puts before the body: `async function anonymous(\n) {\n`. */
export const FUNCTION_HEADER_LINES = 2;

/**
 * The cell line and column of the first stack frame in `fileName`, if any.
 * V8 prints frames as `at … (cell-3.js:5:12)`; lines count from the function
 * header, so the header's lines are taken off.
 */
export function locateInStack(stack: string | undefined, fileName: string): { line: number; column: number } | undefined {
  if (!stack) return undefined;
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  if (!match) return undefined;
  const line = Number(match[1]) - FUNCTION_HEADER_LINES;
  return line >= 1 ? { line, column: Number(match[2]) } : undefined;
}
