import type { AssignmentPhase, Schedule } from "./late-policy";

/** The late policy in words, the same for instructors and students. */
export function describeLatePolicy(schedule: Pick<Schedule, "latePolicy" | "latePenaltyPercent">): string {
  if (schedule.latePolicy === "close") return "closes at the due date";
  if (schedule.latePenaltyPercent === 0) return "late work accepted without penalty";
  return `late work loses ${schedule.latePenaltyPercent}% per day`;
}

export const PHASE_LABELS: Record<AssignmentPhase, string> = {
  upcoming: "Not open yet",
  open: "Open",
  late: "Past due, late work accepted",
  closed: "Closed",
};
