/**
 * How an assignment grades work handed in after its due date. Pure
 * functions of dates and scores: the server computes every grade with them,
 * and the unit tests pin the policy down.
 */

export const LATE_POLICIES = ["penalty", "close"] as const;
export type LatePolicy = (typeof LATE_POLICIES)[number];

export type Schedule = { dueAt: Date; latePolicy: LatePolicy; latePenaltyPercent: number };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Started days after the due date: one second late is one day late. */
export function daysLate(submittedAt: Date, dueAt: Date): number {
  const late = submittedAt.getTime() - dueAt.getTime();
  return late <= 0 ? 0 : Math.ceil(late / DAY_MS);
}

/**
 * The points a submission earns for the assignment: its score on time;
 * late, minus the penalty per started day (never below zero) or nothing
 * once the assignment is closed. Rounded to hundredths of a point.
 */
export function creditedScore(score: number, submittedAt: Date, schedule: Schedule): number {
  const days = daysLate(submittedAt, schedule.dueAt);
  if (days === 0) return score;
  if (schedule.latePolicy === "close") return 0;
  const factor = Math.max(0, 1 - (days * schedule.latePenaltyPercent) / 100);
  return Math.round(score * factor * 100) / 100;
}

export type GradedAttempt = { score: number; createdAt: Date };

export type ExerciseCredit = {
  /** The best credited score over the learner's attempts. */
  credited: number;
  /** Whether that best credit came from a late submission. */
  late: boolean;
  attempts: number;
};

/** A learner's credit on one exercise of an assignment: the best any of their attempts earns. */
export function exerciseCredit(attempts: readonly GradedAttempt[], schedule: Schedule): ExerciseCredit {
  let best: ExerciseCredit = { credited: 0, late: false, attempts: attempts.length };
  for (const attempt of attempts) {
    const credited = creditedScore(attempt.score, attempt.createdAt, schedule);
    if (credited > best.credited) best = { credited, late: daysLate(attempt.createdAt, schedule.dueAt) > 0, attempts: attempts.length };
  }
  return best;
}

export type AssignmentPhase = "upcoming" | "open" | "late" | "closed";

/** Where an assignment stands at `now`: not yet open, open, past due but taking late work, or closed. */
export function assignmentPhase(schedule: Schedule & { opensAt: Date }, now: Date): AssignmentPhase {
  if (now < schedule.opensAt) return "upcoming";
  if (now <= schedule.dueAt) return "open";
  return schedule.latePolicy === "close" || creditedScore(1, now, schedule) === 0 ? "closed" : "late";
}
