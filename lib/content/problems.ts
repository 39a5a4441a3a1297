/**
 * A content problem is a mistake in an instructor's file, reported the way a
 * compiler reports one: where it is, what is wrong, and how to fix it.
 */
export type ContentProblem = {
  /** Path relative to the project root, e.g. `content/losses/loss-functions.mdx`. */
  file: string;
  line: number;
  column: number;
  message: string;
  fix: string;
};

export function formatProblem(problem: ContentProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}\n    fix: ${problem.fix}`;
}

/** Problems in reading order: by file, then by place in the file. */
export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** Thrown when the course cannot be served as written; lists every problem found. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`The course content has ${count}:\n\n${sortProblems(problems).map(formatProblem).join("\n\n")}\n`);
    this.name = "ContentError";
    this.problems = sortProblems(problems);
  }
}
