import "server-only";
import { assignmentGrades, listAssignments } from "@/lib/db/assignments";
import type { Db } from "@/lib/db/client";
import { NOT_ATTEMPTS } from "@/lib/db/progress";
import { platformById } from "./platforms";
import { postScore } from "./services";

/**
 * Sends the LMS grades marked in the outbox (lib/db/lti-scores.ts). Each row
 * is held by one sender at a time (a lease), computed from the grades as they
 * are now, and posted only if that value was not sent already, with one
 * timestamp for every retry of it: however often a grade is recomputed or a
 * send retried, the platform receives each value once. A failed send waits
 * longer each time (15 s doubling, at most an hour) and is given up after
 * MAX_ATTEMPTS; the row's status is what instructors see.
 */
export const MAX_ATTEMPTS = 10;
const LEASE_MS = 60_000;
const backoffMs = (attempts: number) => Math.min(3600_000, 15_000 * 2 ** (attempts - 1));

/** What the student's grade on a line item's Descent item is now; undefined if they have none. */
async function currentScore(db: Db, item: string, classId: string, learnerId: string): Promise<number | undefined> {
  const [kind, id] = [item.slice(0, item.indexOf(":")), item.slice(item.indexOf(":") + 1)];
  if (kind === "exercise") {
    const best = await db.submission.aggregate({ where: { learnerId, exerciseId: id, status: { notIn: NOT_ATTEMPTS } }, _max: { score: true } });
    return best._max.score ?? undefined;
  }
  if (kind === "assignment") {
    const assignment = (await listAssignments(db, classId)).find((a) => a.id === id);
    if (!assignment) return undefined;
    return (await assignmentGrades(db, [assignment], [learnerId])).get(learnerId)?.get(id)?.credited;
  }
  return undefined;
}

/** Sends every due score once; returns how many were posted. Safe to run in several processes at once. */
export async function deliverDueScores(db: Db, now = new Date()): Promise<number> {
  const due = await db.ltiScore.findMany({
    where: { status: "pending", nextAttemptAt: { lte: now }, leaseUntil: { lte: now } },
    include: { lineItem: { include: { class: { include: { ltiContext: true } } } } },
    take: 100,
  });
  let posted = 0;
  for (const row of due) {
    const key = { lineItemId: row.lineItemId, userId: row.userId };
    const claimed = await db.ltiScore.updateMany({ where: { ...key, leaseUntil: row.leaseUntil, status: "pending" }, data: { leaseUntil: new Date(now.getTime() + LEASE_MS) } });
    if (claimed.count !== 1) continue;
    const settle = (data: object) => db.ltiScore.update({ where: { lineItemId_userId: key }, data: { leaseUntil: now, ...data } });
    if (!row.lineItem.url) {
      // Its grade column is still being made by a launch: look again in a minute, without counting an attempt.
      await settle({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) });
      continue;
    }
    try {
      const context = row.lineItem.class.ltiContext;
      const platform = context && (await platformById(db, context.platformId));
      const link = platform && (await db.ltiUserLink.findFirst({ where: { platformId: platform.id, userId: row.userId } }));
      const learner = await db.learner.findUnique({ where: { userId: row.userId }, select: { id: true } });
      if (!platform || !link) {
        await settle({ status: "failed", lastError: "This student did not come from the LMS (no LMS account is linked), so the LMS cannot take their grade." });
        continue;
      }
      const value = learner ? await currentScore(db, row.lineItem.item, row.lineItem.classId, learner.id) : undefined;
      if (value === undefined || value === row.sentGiven) {
        await settle({ status: "sent", lastError: null });
        continue;
      }
      // The same value keeps its first timestamp on every retry; a new value is a new, later grade.
      const at = row.pendingGiven === value && row.pendingAt ? row.pendingAt : now;
      await settle({ pendingGiven: value, pendingAt: at, leaseUntil: new Date(now.getTime() + LEASE_MS) });
      await postScore(db, platform, row.lineItem.url, { userId: link.sub, scoreGiven: value, scoreMaximum: row.lineItem.scoreMaximum, timestamp: at.toISOString() });
      await settle({ status: "sent", sentGiven: value, sentAt: new Date(), attempts: row.attempts + 1, lastError: null });
      posted += 1;
    } catch (error) {
      const attempts = row.attempts + 1;
      await settle({
        status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
        attempts,
        nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
        lastError: String((error as Error).message ?? error).slice(0, 500),
      });
    }
  }
  return posted;
}

let running: Promise<void> | undefined;
let timer: NodeJS.Timeout | undefined;

/**
 * Delivers what is due now, in the background, then wakes again for the next
 * retry (or within a minute, for rows another process marked). Started by the
 * process that grades: the web server on one machine, each worker on several.
 */
export function deliverScoresSoon(db: Db): void {
  if (running) return;
  running = (async () => {
    try {
      await deliverDueScores(db);
    } catch (error) {
      console.error("LTI score delivery failed", error);
    } finally {
      running = undefined;
      const next = await db.ltiScore.findFirst({ where: { status: "pending" }, orderBy: { nextAttemptAt: "asc" }, select: { nextAttemptAt: true } }).catch(() => null);
      const waitMs = Math.max(1_000, Math.min(60_000, (next?.nextAttemptAt.getTime() ?? Infinity) - Date.now()));
      clearTimeout(timer);
      timer = setTimeout(() => deliverScoresSoon(db), waitMs);
      timer.unref();
    }
  })();
}
