import "server-only";
import type { Db } from "@/lib/db/client";
import { classRoleOf } from "./constants";
import { platformById } from "./platforms";
import { linkUser } from "./provisioning";
import { courseMembers } from "./services";

/**
 * Brings the class's roster in line with the LMS course (Names and Role
 * Provisioning Services): every active member gets an account, linked by
 * their platform id, and their class role, so students who have not
 * launched yet appear on the roster as "not started". Members the LMS no
 * longer lists as active leave the class; their work stays theirs.
 */
export async function syncRoster(db: Db, classId: string): Promise<{ members: number; removed: number }> {
  const context = await db.ltiContext.findUnique({ where: { classId } });
  if (!context?.membershipsUrl) throw new Error("this class's LMS course offers no roster service (NRPS)");
  const platform = await platformById(db, context.platformId);
  if (!platform) throw new Error("the LMS registration of this class was removed");
  const members = await courseMembers(db, platform, context.membershipsUrl);
  const kept = new Set<string>();
  for (const member of members) {
    const role = classRoleOf(member.roles ?? []);
    if (!role || (member.status && member.status !== "Active")) continue;
    const userId = await linkUser(db, platform, { sub: member.user_id, name: member.name, email: member.email });
    kept.add(userId);
    await db.classMember.upsert({ where: { classId_userId: { classId, userId } }, create: { classId, userId, role }, update: { role } });
  }
  // Only members who came from this LMS leave; instructors added in Descent stay.
  const linked = await db.ltiUserLink.findMany({ where: { platformId: platform.id, user: { classes: { some: { classId } } } }, select: { userId: true } });
  const gone = linked.map((l) => l.userId).filter((userId) => !kept.has(userId));
  const removed = gone.length ? (await db.classMember.deleteMany({ where: { classId, userId: { in: gone } } })).count : 0;
  await db.ltiContext.update({ where: { classId }, data: { rosterSyncedAt: new Date() } });
  return { members: kept.size, removed };
}
