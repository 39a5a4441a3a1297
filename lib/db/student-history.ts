import "server-only";
import type { Verdict } from "@/lib/cell-runtime/verdict";
import type { Db } from "./client";
import { studentsOfClass } from "./classes";

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
  userId: string;
  name: string;
  email: string;
  /** When they joined the class. */
  joinedAt: Date;
  /** Undefined until they have done something. */
  lastActivity?: Date;
  /** Newest first. */
  submissions: HistorySubmission[];
  hints: Array<{ exerciseId: string; hintIndex: number; shownAt: Date }>;
  reveals: Array<{ exerciseId: string; revealedAt: Date }>;
};

/**
 * One student's work for an instructor of their class: every submission with
 * its code and verdict, hints opened and solutions revealed. Undefined for
 * anyone who is not a student of this class.
 */
export async function studentHistory(db: Db, classId: string, userId: string): Promise<StudentHistory | undefined> {
  const member = await db.classMember.findUnique({
    where: { classId_userId: { classId, userId } },
    include: { user: { select: { name: true, email: true } } },
  });
  if (!member || member.role !== "student") return undefined;
  const learner = await db.learner.findFirst({
    where: { userId, ...studentsOfClass(classId) },
    include: {
      submissions: { orderBy: { createdAt: "desc" } },
      hints: { orderBy: { shownAt: "asc" } },
      reveals: { orderBy: { revealedAt: "asc" } },
    },
  });
  return {
    userId,
    name: member.user.name,
    email: member.user.email,
    joinedAt: member.joinedAt,
    lastActivity: learner && learner.submissions.length > 0 ? learner.lastSeenAt : undefined,
    submissions: (learner?.submissions ?? []).map((s) => ({
      id: s.id,
      exerciseId: s.exerciseId,
      createdAt: s.createdAt,
      status: s.status,
      score: s.score,
      maxScore: s.maxScore,
      code: s.code,
      verdict: s.verdict ? (JSON.parse(s.verdict) as Verdict) : undefined,
    })),
    hints: (learner?.hints ?? []).map(({ exerciseId, hintIndex, shownAt }) => ({ exerciseId, hintIndex, shownAt })),
    reveals: (learner?.reveals ?? []).map(({ exerciseId, revealedAt }) => ({ exerciseId, revealedAt })),
  };
}
