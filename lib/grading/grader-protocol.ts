/** Messages between the web server's grader pool and a grader process (over Node's IPC channel). */
import type { GradeJob } from "./sandbox";
import type { Verdict } from "./verdict";

export type GraderRequest = { type: "grade"; id: number; job: GradeJob };

export type GraderReply =
  | { type: "ready" }
  | { type: "verdict"; id: number; verdict: Verdict }
  /** The grader itself failed (not the learner's code): the pool answers with a "crashed" verdict. */
  | { type: "failed"; id: number; message: string };
