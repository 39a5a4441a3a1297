import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { CLAIMS, MESSAGE_TYPES } from "./constants";
import type { PlaceableItem } from "./deep-linking";
import { LtiError } from "./errors";
import { validateLaunch, type Launch } from "./launch";
import { consumeLogin } from "./login";
import { applyRoles, classForContext, launchedItem, linkUser } from "./provisioning";
import { syncRoster } from "./roster";
import { ensureLineItem } from "./services";
import { TICKET_TTL_MS } from "@/lib/auth/lti-ticket-binding";

/** What the course offers a class, from the content (the route reads it; this module knows no content). */
export type CourseItems = { items: PlaceableItem[]; hrefOf: (item: string) => string | undefined };

export type LaunchOutcome = {
  ticket: string;
  kind: "resource" | "deep-linking";
  title: string;
  /** Descent's path for a resource launch; the picker's items for deep linking. */
  target: string;
  items: PlaceableItem[];
  role?: "instructor" | "student";
};

/**
 * A launch from the LMS, after the browser's state check: consumes the login
 * (state and nonce, once), validates the id_token, links the account,
 * the course's class and the member's role, learns the item's grade column,
 * refreshes an instructor's roster from the LMS, and issues a one-time ticket
 * for the next step (signing in, or the deep-linking picker).
 */
export async function acceptLaunch(db: Db, input: { idToken: string; state: string }, course: (classId?: string) => Promise<CourseItems>): Promise<LaunchOutcome> {
  const login = await consumeLogin(db, input.state);
  const launch = await validateLaunch(db, input.idToken, login);
  const userId = await linkUser(db, launch.platform, { sub: launch.sub, name: launch.name ?? [launch.given_name, launch.family_name].filter(Boolean).join(" "), email: launch.email });
  const classId = await classForContext(db, launch);
  const role = classId ? await applyRoles(db, classId, userId, launch[CLAIMS.roles]) : undefined;
  const { items, hrefOf } = await course(classId);
  const deepLinking = launch[CLAIMS.messageType] === MESSAGE_TYPES.deepLinking;
  if (deepLinking && role !== "instructor") throw new LtiError("only an instructor of the course can add Descent content to it.", 403);
  const item = launchedItem(launch);
  if (classId && item && !deepLinking) await learnLineItem(db, launch, classId, item, items);
  if (classId && role === "instructor" && launch[CLAIMS.nrps]) {
    // The roster is a convenience here: a failing roster service must not stop the instructor's launch.
    await syncRoster(db, classId).catch((error: unknown) => console.error("LTI roster sync failed", error));
  }
  const target = deepLinking ? "" : ((item && hrefOf(item)) ?? (classId && role === "instructor" ? `/instructor/classes/${classId}` : "/"));
  const ticket = randomBytes(24).toString("base64url");
  const settings = launch[CLAIMS.deepLinkingSettings];
  await db.ltiLaunch.create({
    data: {
      id: ticket,
      platformId: launch.platform.id,
      userId,
      classId: classId ?? null,
      target,
      deepLinking: settings
        ? JSON.stringify({ returnUrl: settings.deep_link_return_url, data: settings.data, deploymentId: launch[CLAIMS.deploymentId], acceptMultiple: settings.accept_multiple !== false })
        : null,
      expiresAt: new Date(Date.now() + TICKET_TTL_MS),
    },
  });
  const title = launch[CLAIMS.resourceLink]?.title ?? items.find((i) => i.item === item)?.title ?? "Open Descent";
  return { ticket, kind: deepLinking ? "deep-linking" : "resource", title, target, items, role };
}

/** A claim on making a line item that is older than this was left by a launch that failed: another may take it over. */
const STALE_CLAIM_MS = 60_000;

/**
 * The grade column of a placed, graded item: the one the launch names (made by
 * the LMS from our deep-linking answer), or else found or made through the
 * course's line items service, by one launch only. Its row (unique per class
 * and item) is claimed before the LMS is asked, so launches at the same moment
 * never make two columns (PrairieLearn #15643); the LMS is searched by
 * resource id first, so a retry after a failure finds what it made.
 */
async function learnLineItem(db: Db, launch: Launch, classId: string, item: string, items: readonly PlaceableItem[]): Promise<void> {
  const placed = items.find((i) => i.item === item);
  if (!placed?.scoreMaximum) return;
  const key = { classId_item: { classId, item } };
  const fields = { scoreMaximum: placed.scoreMaximum, label: placed.title };
  const ags = launch[CLAIMS.ags];
  if (ags?.lineitem) {
    await db.ltiLineItem.upsert({ where: key, create: { id: randomBytes(12).toString("hex"), classId, item, url: ags.lineitem, ...fields }, update: { url: ags.lineitem, ...fields } });
    return;
  }
  if (!ags?.lineitems) return;
  const known = await db.ltiLineItem.findUnique({ where: key });
  if (known?.url) return;
  if (known) {
    // Someone else's claim: leave it, unless it is stale; then take it over (once: the update matches only the old claim).
    const taken = await db.ltiLineItem.updateMany({ where: { id: known.id, url: "", claimedAt: { lt: new Date(Date.now() - STALE_CLAIM_MS) } }, data: { claimedAt: new Date() } });
    if (taken.count !== 1) return;
  } else {
    try {
      await db.ltiLineItem.create({ data: { id: randomBytes(12).toString("hex"), classId, item, url: "", claimedAt: new Date(), ...fields } });
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") return; // another launch claimed it a moment ago
      throw error;
    }
  }
  const url = await ensureLineItem(db, launch.platform, ags.lineitems, { resourceId: item, label: placed.title, scoreMaximum: placed.scoreMaximum, resourceLinkId: launch[CLAIMS.resourceLink]?.id });
  await db.ltiLineItem.update({ where: key, data: { url } });
}
