import "server-only";
import type { Verdict } from "@/lib/cell-runtime/verdict";
import type { Db } from "./client";
import { STUDENT_LEARNERS } from "./students";

export type HistorySubmission = {
  id: string;
  exerciseId: string;
  createdAt: Date;
  status: string;
  score: number;
  maxScore: number;
  code: string;
  verdict?: Verdict;
};

export type StudentHistory = {
  learnerId: string;
  name?: string;
  email?: string;
  createdAt: Date;
  lastActivity: Date;
  /** Newest first. */
  submissions: HistorySubmission[];
  hints: Array<{ exerciseId: string; hintIndex: number; shownAt: Date }>;
  reveals: Array<{ exerciseId: string; revealedAt: Date }>;
};

/** One student's work for their instructor: every submission with its code and verdict, hints opened and solutions revealed. */
export async function studentHistory(db: Db, learnerId: string): Promise<StudentHistory | undefined> {
  const learner = await db.learner.findFirst({
    where: { id: learnerId, ...STUDENT_LEARNERS },
    include: {
      user: { select: { name: true, email: true } },
      submissions: { orderBy: { createdAt: "desc" } },
      hints: { orderBy: { shownAt: "asc" } },
      reveals: { orderBy: { revealedAt: "asc" } },
    },
  });
  if (!learner) return undefined;
  return {
    learnerId: learner.id,
    name: learner.user?.name,
    email: learner.user?.email,
    createdAt: learner.createdAt,
    lastActivity: learner.lastSeenAt,
    submissions: learner.submissions.map((s) => ({
      id: s.id,
      exerciseId: s.exerciseId,
      createdAt: s.createdAt,
      status: s.status,
      score: s.score,
      maxScore: s.maxScore,
      code: s.code,
      verdict: s.verdict ? (JSON.parse(s.verdict) as Verdict) : undefined,
    })),
    hints: learner.hints.map(({ exerciseId, hintIndex, shownAt }) => ({ exerciseId, hintIndex, shownAt })),
    reveals: learner.reveals.map(({ exerciseId, revealedAt }) => ({ exerciseId, revealedAt })),
  };
}
