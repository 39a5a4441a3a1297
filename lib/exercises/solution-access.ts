/**
 * When a learner may see an exercise's reference solution.
 *
 * - A learner who passed the exercise (or already revealed it) may, signed in or not.
 * - Otherwise only a signed-in account may, after the author's number of
 *   attempts (`revealSolutionAfter`). Counting per anonymous learner would
 *   let a fresh cookie and a few empty submissions open any solution.
 * - An attempt is a submission whose tests all ran (status passed or failed:
 *   not a syntax error, an error before the tests, a limit or a crash) and
 *   whose code, comments and whitespace aside, is not empty, not the starter
 *   code, and not the code of another attempt: resubmitting, or adding a
 *   comment, is not another try. Work done anonymously counts once it
 *   belongs to the account (lib/db/accounts.ts claims it at sign-up or sign-in).
 */
import "server-only";
import { tokenizer } from "acorn";
import { transform } from "sucrase";
import { ApiError } from "@/lib/api/http";
import { learnerHasAccount } from "@/lib/db/accounts";
import { db } from "@/lib/db/client";
import { exerciseState, finishedSubmissionCodes, type ExerciseState } from "@/lib/db/progress";
import type { Exercise } from "./load";

export type SolutionAccess =
  | { open: true }
  | { open: false; needs: "sign-in" }
  | { open: false; needs: "attempts"; attempts: number; remaining: number };

/** Distinct codes read beyond the ones the rule needs, for attempts that turn out not to count (blank, the starter, a reformatting). */
const SPARE_CODES = 20;

/**
 * The code's tokens, without comments or whitespace: two codes that differ
 * only in those are one attempt. Code that does not even tokenize (it was
 * graded, so it should) falls back to the text without whitespace.
 */
export function codeFingerprint(code: string): string {
  try {
    const js = transform(code, { transforms: ["typescript"], disableESTransforms: true, production: true }).code;
    const tokens: string[] = [];
    for (const token of tokenizer(js, { ecmaVersion: "latest", sourceType: "module", allowAwaitOutsideFunction: true })) {
      tokens.push(js.slice(token.start, token.end));
    }
    return tokens.join(" ");
  } catch {
    return code.replace(/\s+/g, "");
  }
}

/** How many of `codes` count as attempts (see the rules above), stopping at `needed`. */
export function countAttempts(codes: readonly string[], starter: string, needed: number): number {
  const starterPrint = codeFingerprint(starter);
  const counted = new Set<string>();
  for (const code of codes) {
    if (counted.size >= needed) break;
    const print = codeFingerprint(code);
    if (print !== "" && print !== starterPrint) counted.add(print);
  }
  return counted.size;
}

/** Whether the learner may see the solution now and, if not, what they still need. */
export async function solutionAccess(exercise: Exercise, learnerId: string | undefined, state?: ExerciseState): Promise<SolutionAccess> {
  if (!learnerId) return { open: false, needs: "sign-in" };
  const current = state ?? (await exerciseState(db(), learnerId, exercise.id));
  if (current.passed || current.revealed) return { open: true };
  if (!(await learnerHasAccount(db(), learnerId))) return { open: false, needs: "sign-in" };
  const needed = exercise.revealSolutionAfter;
  const codes = await finishedSubmissionCodes(db(), learnerId, exercise.id, needed + SPARE_CODES);
  const attempts = countAttempts(codes, exercise.starter, needed);
  return attempts >= needed ? { open: true } : { open: false, needs: "attempts", attempts, remaining: needed - attempts };
}

/** The refusal for a closed solution: 401 and "sign in" for an anonymous learner, 403 with what is left for an account. */
export function refusal(access: Extract<SolutionAccess, { open: false }>, exercise: Pick<Exercise, "revealSolutionAfter">): ApiError {
  const after = `${exercise.revealSolutionAfter} graded attempt${exercise.revealSolutionAfter === 1 ? "" : "s"}`;
  if (access.needs === "sign-in") {
    return new ApiError(401, `Sign in to see solutions: a solution opens to a signed-in account after ${after}, or once you pass every test.`);
  }
  return new ApiError(
    403,
    `The solution opens after ${after}; make ${access.remaining} more first. An attempt counts when all its tests ran and its code differs from the starter code and from your earlier attempts.`,
  );
}
