import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "./client";
import { TRANSACTION_LIMITS } from "./progress";

/** The learner row that holds a user's progress, made on first need. */
export async function learnerForUser(db: Db, userId: string): Promise<string> {
  const existing = await db.learner.findUnique({ where: { userId }, select: { id: true } });
  if (existing) return existing.id;
  try {
    return (await db.learner.create({ data: { id: randomUUID(), userId }, select: { id: true } })).id;
  } catch (error) {
    // Two first requests raced; the other made it.
    if ((error as { code?: string }).code !== "P2002") throw error;
    return (await db.learner.findUniqueOrThrow({ where: { userId }, select: { id: true } })).id;
  }
}

/** Whether an account owns this learner (an anonymous learner that signed up or in). */
export async function learnerHasAccount(db: Db, learnerId: string): Promise<boolean> {
  const row = await db.learner.findUnique({ where: { id: learnerId }, select: { userId: true } });
  return Boolean(row?.userId);
}

/**
 * When someone signs up or signs in, the work this browser did anonymously
 * becomes the account's. A new account takes over the anonymous learner
 * itself; an account that already has a learner absorbs the anonymous one's
 * submissions, drafts (the newer copy wins), reveals, hints and completed
 * lessons, and the anonymous learner is deleted. A learner already linked to
 * an account is never taken over.
 */
export async function claimAnonymousWork(db: Db, userId: string, anonymousId: string | undefined): Promise<void> {
  if (!anonymousId) return;
  const [anonymous, owned] = await Promise.all([
    db.learner.findUnique({ where: { id: anonymousId }, select: { userId: true } }),
    db.learner.findUnique({ where: { userId }, select: { id: true } }),
  ]);
  if (!anonymous || anonymous.userId !== null) return;
  if (!owned) {
    await db.learner.updateMany({ where: { id: anonymousId, userId: null }, data: { userId } });
    return;
  }
  await mergeLearners(db, anonymousId, owned.id);
}

async function mergeLearners(db: Db, fromId: string, intoId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.submission.updateMany({ where: { learnerId: fromId }, data: { learnerId: intoId } });
    for (const draft of await tx.draft.findMany({ where: { learnerId: fromId } })) {
      const kept = await tx.draft.findUnique({ where: { learnerId_exerciseId: { learnerId: intoId, exerciseId: draft.exerciseId } } });
      if (kept && kept.updatedAt >= draft.updatedAt) continue;
      await tx.draft.upsert({
        where: { learnerId_exerciseId: { learnerId: intoId, exerciseId: draft.exerciseId } },
        create: { learnerId: intoId, exerciseId: draft.exerciseId, code: draft.code },
        update: { code: draft.code },
      });
    }
    for (const reveal of await tx.solutionReveal.findMany({ where: { learnerId: fromId } })) {
      const key = { learnerId: intoId, exerciseId: reveal.exerciseId };
      await tx.solutionReveal.upsert({ where: { learnerId_exerciseId: key }, create: { ...key, revealedAt: reveal.revealedAt }, update: {} });
    }
    for (const hint of await tx.hintView.findMany({ where: { learnerId: fromId } })) {
      const key = { learnerId: intoId, exerciseId: hint.exerciseId, hintIndex: hint.hintIndex };
      await tx.hintView.upsert({ where: { learnerId_exerciseId_hintIndex: key }, create: { ...key, shownAt: hint.shownAt }, update: {} });
    }
    for (const completion of await tx.lessonCompletion.findMany({ where: { learnerId: fromId } })) {
      const key = { learnerId: intoId, lessonHref: completion.lessonHref };
      await tx.lessonCompletion.upsert({ where: { learnerId_lessonHref: key }, create: { ...key, completedAt: completion.completedAt }, update: {} });
    }
    // Served models keep working (their keys too); a name the account already uses gets a suffix.
    const names = new Set((await tx.servedModel.findMany({ where: { learnerId: intoId }, select: { name: true } })).map((m) => m.name));
    for (const model of await tx.servedModel.findMany({ where: { learnerId: fromId }, select: { id: true, name: true } })) {
      let name = model.name;
      for (let n = 2; names.has(name); n++) name = `${model.name} (${n})`;
      names.add(name);
      await tx.servedModel.update({ where: { id: model.id }, data: { learnerId: intoId, name } });
    }
    // Deleting the anonymous learner cascades to the rows copied above.
    await tx.learner.delete({ where: { id: fromId } });
    await tx.learner.update({ where: { id: intoId }, data: { lastSeenAt: new Date() } });
  }, TRANSACTION_LIMITS);
}
