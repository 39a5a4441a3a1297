import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { CLAIMS, classRoleOf } from "./constants";
import type { Launch } from "./launch";
import type { Platform } from "./platforms";

export type PlatformPerson = { sub: string; name?: string; email?: string };

/**
 * The Descent account of a platform user, made on first sight. Linked by the
 * platform and its user id only: an email the LMS sends is shown on the
 * roster but never used to find an existing account, which anyone able to set
 * an email in some LMS could otherwise take over. A new account gets that
 * email only if no account has it yet, and no password (it signs in through the LMS).
 */
export async function linkUser(db: Db, platform: Platform, person: PlatformPerson): Promise<string> {
  const link = await db.ltiUserLink.findUnique({ where: { platformId_sub: { platformId: platform.id, sub: person.sub } } });
  const name = person.name?.trim() || person.email || `LMS user ${person.sub.slice(0, 12)}`;
  if (link) {
    if (person.name) await db.user.update({ where: { id: link.userId }, data: { name } });
    return link.userId;
  }
  const free = person.email && !(await db.user.findUnique({ where: { email: person.email.toLowerCase() }, select: { id: true } }));
  const placeholder = `lti-${createHash("sha256").update(`${platform.id}\0${person.sub}`).digest("hex").slice(0, 24)}@lms.invalid`;
  const userId = randomUUID();
  try {
    await db.$transaction([
      db.user.create({ data: { id: userId, name, email: free ? person.email!.toLowerCase() : placeholder, emailVerified: false } }),
      db.ltiUserLink.create({ data: { platformId: platform.id, sub: person.sub, userId } }),
    ]);
    return userId;
  } catch (error) {
    // Two first launches of one user raced; the other linked them.
    if ((error as { code?: string }).code !== "P2002") throw error;
    return (await db.ltiUserLink.findUniqueOrThrow({ where: { platformId_sub: { platformId: platform.id, sub: person.sub } } })).userId;
  }
}

/** The Descent class of the launch's LMS course, made on its first launch, with the course's grade and roster service addresses. */
export async function classForContext(db: Db, launch: Launch): Promise<string | undefined> {
  const context = launch[CLAIMS.context];
  if (!context) return undefined;
  const key = { platformId_contextId: { platformId: launch.platform.id, contextId: context.id } };
  const services = { lineItemsUrl: launch[CLAIMS.ags]?.lineitems ?? null, membershipsUrl: launch[CLAIMS.nrps]?.context_memberships_url ?? null, deploymentId: launch[CLAIMS.deploymentId] };
  const existing = await db.ltiContext.findUnique({ where: key });
  if (existing) {
    await db.ltiContext.update({ where: key, data: services });
    return existing.classId;
  }
  const classId = randomUUID();
  try {
    await db.classroom.create({
      data: {
        id: classId,
        name: context.title || context.label || "LMS course",
        term: context.title && context.label && context.label !== context.title ? context.label : "",
        // The LMS is the roster's source: no join code.
        joinCode: null,
        ltiContext: { create: { platformId: launch.platform.id, contextId: context.id, ...services } },
      },
    });
    return classId;
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    return (await db.ltiContext.findUniqueOrThrow({ where: key })).classId;
  }
}

/** Puts the user in the class as the LMS says: Instructor teaches, Learner studies; the LMS is the authority, so its role replaces ours. */
export async function applyRoles(db: Db, classId: string, userId: string, roles: readonly string[]): Promise<"instructor" | "student" | undefined> {
  const role = classRoleOf(roles);
  if (!role) return undefined;
  await db.classMember.upsert({ where: { classId_userId: { classId, userId } }, create: { classId, userId, role }, update: { role } });
  return role;
}

/** The Descent item a placed link opens ("exercise:<id>", "lesson:<href>", "assignment:<id>"), from the custom parameter deep linking set. */
export function launchedItem(launch: Launch): string | undefined {
  const item = launch[CLAIMS.custom]?.descent_item;
  return typeof item === "string" && /^(exercise|assignment|lesson):[\w/.-]{1,200}$/.test(item) ? item : undefined;
}
