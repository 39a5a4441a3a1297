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
