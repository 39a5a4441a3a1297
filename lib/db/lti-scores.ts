import "server-only";
import type { Db } from "./client";

/**
 * Marks the LMS grades that a new grade may change, for lib/lti/score-delivery.ts
 * to send: every line item, in the classes the learner studies in, of the
 * graded exercise or of an assignment that holds it. Marking is cheap and
 * idempotent; what is sent is computed at delivery, from the grades then.
 */
export async function markScoresToSend(db: Db, learnerId: string, exerciseId: string): Promise<number> {
  const learner = await db.learner.findUnique({ where: { id: learnerId }, select: { userId: true } });
  if (!learner?.userId) return 0;
  const userId = learner.userId;
  const items = await db.ltiLineItem.findMany({
    where: { class: { members: { some: { userId, role: "student" } } } },
    select: { id: true, item: true, classId: true },
  });
  if (items.length === 0) return 0;
  const assignments = await db.assignmentExercise.findMany({ where: { exerciseId, assignment: { classId: { in: items.map((i) => i.classId) } } }, select: { assignmentId: true } });
  const affected = new Set([`exercise:${exerciseId}`, ...assignments.map((a) => `assignment:${a.assignmentId}`)]);
  const lineItemIds = items.filter((i) => affected.has(i.item)).map((i) => i.id);
  await markLineItems(db, lineItemIds, [userId]);
  return lineItemIds.length;
}

/** After an assignment's dates or late policy change, every student's grade for it may change. */
export async function markAssignmentScoresToSend(db: Db, classId: string, assignmentId: string): Promise<void> {
  const item = await db.ltiLineItem.findUnique({ where: { classId_item: { classId, item: `assignment:${assignmentId}` } }, select: { id: true } });
  if (!item) return;
  const students = await db.classMember.findMany({ where: { classId, role: "student" }, select: { userId: true } });
  await markLineItems(db, [item.id], students.map((s) => s.userId));
}

async function markLineItems(db: Db, lineItemIds: readonly string[], userIds: readonly string[]): Promise<void> {
  const now = new Date();
  for (const lineItemId of lineItemIds) {
    for (const userId of userIds) {
      await db.ltiScore.upsert({
        where: { lineItemId_userId: { lineItemId, userId } },
        create: { lineItemId, userId, status: "pending", nextAttemptAt: now },
        update: { status: "pending", attempts: 0, nextAttemptAt: now },
      });
    }
  }
}

export type ScoreStatus = { userId: string; name: string; item: string; label: string; status: string; sentGiven: number | null; sentAt: Date | null; lastError: string | null; attempts: number };

/** Where each student's grades stand on the way to the LMS, for the class's instructors. */
export async function scoreStatuses(db: Db, classId: string): Promise<ScoreStatus[]> {
  const rows = await db.ltiScore.findMany({ where: { lineItem: { classId } }, include: { lineItem: { select: { item: true, label: true } } } });
  const names = new Map((await db.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return rows
    .map((r) => ({ userId: r.userId, name: names.get(r.userId) ?? r.userId, item: r.lineItem.item, label: r.lineItem.label, status: r.status, sentGiven: r.sentGiven, sentAt: r.sentAt, lastError: r.lastError, attempts: r.attempts }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.label.localeCompare(b.label));
}

/** The LMS course a class is, if it is one. */
export async function lmsCourseOf(db: Db, classId: string) {
  return db.ltiContext.findUnique({ where: { classId }, include: { platform: { select: { name: true, issuer: true } } } });
}
