import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import type { Db } from "./client";
import { TRANSACTION_LIMITS } from "./progress";

/**
 * Classes: one teaching of the course that students join by a code. Who is
 * in a class, and as what, is the only thing that decides what an instructor
 * may see (lib/instructor/access.ts); every report is filtered by it here.
 */

export const CLASS_ROLES = ["instructor", "student"] as const;
export type ClassRole = (typeof CLASS_ROLES)[number];

export type ClassSummary = { id: string; name: string; term: string; joinCode: string | null; students: number; instructors: number };

/**
 * Join codes are read aloud and typed from a projector: no 0/O or 1/I/L.
 * 8 characters of 31 give 8.5 × 10^11 codes, and guessing is rate-limited
 * per client (lib/classes/join.ts), so codes cannot be enumerated.
 */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;

export function newJoinCode(): string {
  return Array.from({ length: JOIN_CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
}

/** What a person may type for a code: any case, with spaces or dashes; undefined if it cannot be one. */
export function normalizeJoinCode(input: string): string | undefined {
  const code = input.replace(/[\s-]/g, "").toUpperCase();
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : undefined;
}

/** The learners of a class's students, as a Prisma filter on Learner: instructors and anonymous learners never match. */
export const studentsOfClass = (classId: string) => ({ user: { classes: { some: { classId, role: "student" } } } });

/** A new class, its creator its first instructor, with a fresh join code. */
export async function createClass(db: Db, input: { name: string; term: string }, instructorUserId: string): Promise<{ id: string; joinCode: string }> {
  const id = randomUUID();
  const joinCode = newJoinCode();
  await db.classroom.create({ data: { id, ...input, joinCode, members: { create: { userId: instructorUserId, role: "instructor" } } } });
  return { id, joinCode };
}

export async function renameClass(db: Db, classId: string, input: { name: string; term: string }): Promise<void> {
  await db.classroom.update({ where: { id: classId }, data: input });
}

function summary(row: { id: string; name: string; term: string; joinCode: string | null; members: Array<{ role: string }> }): ClassSummary {
  return {
    id: row.id,
    name: row.name,
    term: row.term,
    joinCode: row.joinCode,
    students: row.members.filter((m) => m.role === "student").length,
    instructors: row.members.filter((m) => m.role === "instructor").length,
  };
}

/** The class, if `userId` is one of its members in `role`. */
export async function classAs(db: Db, classId: string, userId: string, role: ClassRole): Promise<ClassSummary | undefined> {
  const row = await db.classroom.findFirst({ where: { id: classId, members: { some: { userId, role } } }, include: { members: { select: { role: true } } } });
  return row ? summary(row) : undefined;
}

/** The classes `userId` is in as `role`, newest first. */
export async function classesOf(db: Db, userId: string, role: ClassRole): Promise<ClassSummary[]> {
  const rows = await db.classroom.findMany({
    where: { members: { some: { userId, role } } },
    include: { members: { select: { role: true } } },
    orderBy: [{ createdAt: "desc" }, { name: "asc" }],
  });
  return rows.map(summary);
}

export async function teachesAnyClass(db: Db, userId: string): Promise<boolean> {
  return (await db.classMember.count({ where: { userId, role: "instructor" } })) > 0;
}

/** Replaces the join code (the old one stops working at once), or closes joining with `null`. */
export async function setJoinCode(db: Db, classId: string, open: boolean): Promise<string | null> {
  const joinCode = open ? newJoinCode() : null;
  await db.classroom.update({ where: { id: classId }, data: { joinCode } });
  return joinCode;
}

export async function classByJoinCode(db: Db, joinCode: string): Promise<{ id: string; name: string; term: string } | undefined> {
  return (await db.classroom.findUnique({ where: { joinCode }, select: { id: true, name: true, term: true } })) ?? undefined;
}

export async function membership(db: Db, classId: string, userId: string): Promise<ClassRole | undefined> {
  const row = await db.classMember.findUnique({ where: { classId_userId: { classId, userId } }, select: { role: true } });
  return row?.role as ClassRole | undefined;
}

/**
 * Enrols `userId` as a student. Joining twice changes nothing, and an
 * instructor of the class stays its instructor.
 */
export async function joinClass(db: Db, classId: string, userId: string): Promise<ClassRole> {
  const row = await db.classMember.upsert({ where: { classId_userId: { classId, userId } }, create: { classId, userId, role: "student" }, update: {} });
  return row.role as ClassRole;
}

/** Makes an account an instructor of the class (a student of it becomes its instructor). */
export async function addInstructor(db: Db, classId: string, userId: string): Promise<void> {
  await db.classMember.upsert({ where: { classId_userId: { classId, userId } }, create: { classId, userId, role: "instructor" }, update: { role: "instructor" } });
}

/**
 * Takes someone out of a class. Their work stays theirs; it only stops
 * showing in this class. The last instructor cannot leave: a class nobody
 * teaches could never be reached again.
 */
export async function removeMember(db: Db, classId: string, userId: string): Promise<"removed" | "not-a-member" | "last-instructor"> {
  return db.$transaction(async (tx) => {
    const member = await tx.classMember.findUnique({ where: { classId_userId: { classId, userId } } });
    if (!member) return "not-a-member";
    if (member.role === "instructor" && (await tx.classMember.count({ where: { classId, role: "instructor" } })) === 1) return "last-instructor";
    await tx.classMember.delete({ where: { classId_userId: { classId, userId } } });
    return "removed";
  }, TRANSACTION_LIMITS);
}

export type ClassPerson = { userId: string; name: string; email: string; role: ClassRole; joinedAt: Date; learnerId?: string };

/** Everyone in the class, instructors first, then by name. */
export async function classPeople(db: Db, classId: string): Promise<ClassPerson[]> {
  const rows = await db.classMember.findMany({
    where: { classId },
    include: { user: { select: { name: true, email: true, learner: { select: { id: true } } } } },
  });
  return rows
    .map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, role: m.role as ClassRole, joinedAt: m.joinedAt, learnerId: m.user.learner?.id }))
    .sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) : a.role === "instructor" ? -1 : 1));
}

export async function userIdByEmail(db: Db, email: string): Promise<string | undefined> {
  return (await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } }))?.id;
}
