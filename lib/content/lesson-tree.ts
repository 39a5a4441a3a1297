/**
 * A lesson's syntax tree, parsed the way the compiler parses it but without
 * compiling (no highlighting, no KaTeX): fast enough to read every lesson's
 * exercise placements at start-up, and the same parse that the page and the
 * Node lesson kernel number cells with.
 */
import { createProcessor } from "@mdx-js/mdx";
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { findCells } from "./code-cells";
import type { ContentProblem } from "./problems";

/** The syntax a lesson is written in, beyond MDX: frontmatter, GitHub tables and the like, and $math$. */
export const LESSON_SYNTAX = [remarkFrontmatter, remarkGfm, remarkMath];

export class LessonSyntaxError extends Error {
  constructor(readonly problem: ContentProblem) {
    super(problem.message);
  }
}

/** Parses a lesson; a syntax error throws a LessonSyntaxError at the parser's own line and column. */
export function parseLesson(file: string, source: string): Root {
  try {
    return createProcessor({ remarkPlugins: LESSON_SYNTAX }).parse(source) as Root;
  } catch (error) {
    throw new LessonSyntaxError(syntaxProblem(file, error));
  }
}

export type ExercisePlacement = { exerciseId: string; line: number };

/** Each `<Exercise id="…" />` of a lesson, in page order, with its line. */
export function exercisePlacements(tree: Root): ExercisePlacement[] {
  return findCells(tree).flatMap((cell) => {
    if (cell.kind !== "exercise") return [];
    const id = cell.node.attributes.find((a) => a.type === "mdxJsxAttribute" && a.name === "id")?.value;
    return [{ exerciseId: typeof id === "string" ? id : "", line: cell.node.position?.start.line ?? 1 }];
  });
}

/** A place the parser wrote into its message, e.g. "Expected a closing tag for `<Callout>` (7:1-7:10)". */
const PLACE_IN_REASON = /\s*\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/;

/**
 * An MDX syntax error as a problem at its place: the thrown message's own
 * line and column, or else the place the parser wrote into its reason.
 */
export function syntaxProblem(file: string, error: unknown): ContentProblem {
  const thrown = error as { line?: number; column?: number; reason?: string; message?: string };
  let reason = thrown.reason ?? thrown.message ?? String(error);
  let line = thrown.line;
  let column = thrown.column;
  const written = PLACE_IN_REASON.exec(reason);
  if (written) {
    line ??= Number(written[1]);
    column ??= Number(written[2]);
    reason = reason.slice(0, written.index);
  }
  return {
    file,
    line: line ?? 1,
    column: column ?? 1,
    message: `MDX syntax error: ${reason}`,
    fix: "MDX reads `<` and `{` as the start of a tag or an expression: in prose write `\\<` and `\\{`, or put the text in backticks. Close every tag you open.",
  };
}
