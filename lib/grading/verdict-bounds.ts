/**
 * TRUST BOUNDARY: the size of everything a verdict carries is decided here,
 * on the host, never inside the sandbox (code there can replace
 * String.prototype.slice, so a cap applied there caps nothing). A verdict is
 * stored, sent to the learner and read by instructor pages: a few KiB per
 * test and 64 KiB in all, whatever the submission printed or threw.
 */
import { truncate } from "@/lib/cell-runtime/truncate";
import type { TestResult, Verdict } from "@/lib/cell-runtime/verdict";


export const VERDICT_LIMITS = {
  /** A message: why the submission stopped, or why one test failed. */
  messageChars: 2_000,
  /** The console output of one submission (the sandbox keeps 20,000 characters and says how many lines it dropped). */
  logChars: 25_000,
  /** The whole verdict, as stored (UTF-8 JSON). */
  verdictBytes: 64 * 1024,
} as const;

const bytesOf = (verdict: Verdict) => Buffer.byteLength(JSON.stringify(verdict));

/** The verdict with every learner-made string capped, and the whole within VERDICT_LIMITS.verdictBytes. */
export function boundVerdict(verdict: Verdict): Verdict {
  const capTest = (test: TestResult, max: number): TestResult => (test.message === undefined ? test : { ...test, message: truncate(test.message, max) });
  let bounded: Verdict = {
    ...verdict,
    message: verdict.message === undefined ? undefined : truncate(verdict.message, VERDICT_LIMITS.messageChars),
    logs: truncate(verdict.logs, VERDICT_LIMITS.logChars),
    tests: verdict.tests.map((test) => capTest(test, VERDICT_LIMITS.messageChars)),
  };
  // Still too large (many tests with long messages): the logs go first, then each message shrinks.
  if (bytesOf(bounded) > VERDICT_LIMITS.verdictBytes) bounded = { ...bounded, logs: truncate(bounded.logs, 2_000) };
  for (let max = 500; bytesOf(bounded) > VERDICT_LIMITS.verdictBytes && max >= 50; max = Math.floor(max / 2)) {
    bounded = { ...bounded, message: bounded.message === undefined ? undefined : truncate(bounded.message, max), tests: bounded.tests.map((test) => capTest(test, max)) };
  }
  return bounded;
}
