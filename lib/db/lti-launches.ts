import "server-only";
import type { Db } from "./client";

/**
 * Takes a validated LTI launch's ticket, once, within its two minutes: to
 * sign its user in (a resource launch), or to answer its deep-linking
 * request. A ticket of one kind never serves the other.
 */
export async function takeLaunchTicket(db: Db, ticket: string, purpose: "sign-in" | "deep-linking", now = new Date()) {
  const launch = await db.ltiLaunch.findUnique({ where: { id: ticket } });
  if (!launch || (purpose === "deep-linking") !== (launch.deepLinking !== null)) return undefined;
  const taken = await db.ltiLaunch.updateMany({ where: { id: ticket, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  return taken.count === 1 ? launch : undefined;
}

/**
 * A resource launch's ticket, not used yet and within its two minutes: whom
 * it signs in, and from which LMS. What /lti/continue shows before the
 * ticket is used in a browser the launch did not reach.
 */
export async function pendingSignIn(db: Db, ticket: string, now = new Date()) {
  const launch = await db.ltiLaunch.findFirst({ where: { id: ticket, usedAt: null, expiresAt: { gt: now }, deepLinking: null } });
  if (!launch) return undefined;
  const [user, platform] = await Promise.all([
    db.user.findUnique({ where: { id: launch.userId }, select: { name: true, email: true } }),
    db.ltiPlatform.findUnique({ where: { id: launch.platformId }, select: { name: true, issuer: true } }),
  ]);
  if (!user) return undefined;
  return { name: user.name, email: user.email, lms: platform?.name || platform?.issuer || "your LMS" };
}
