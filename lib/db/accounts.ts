import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "./client";

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

/**
 * A new account takes over the anonymous learner who signed up, with all
 * their drafts, submissions and completed lessons. A learner already linked
 * to another account is never taken over.
 */
export async function adoptAnonymousLearner(db: Db, userId: string, learnerId: string | undefined): Promise<void> {
  if (!learnerId) return;
  await db.learner.updateMany({ where: { id: learnerId, userId: null }, data: { userId } });
}
