/**
 * The "classes" migration on a database that already has work in it (both
 * providers, by DESCENT_TEST_POSTGRES): existing assignments, instructors and
 * students with graded work move into one default class; anonymous learners
 * and students with no work are in none.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/test/databases";
import { createDb, type Db } from "./client";

const database = testDatabase("classes-migration");
let db: Db;

beforeAll(async () => {
  await database.migrate({ before: "classes" });
  db = createDb(database.url);
  // The schema before classes, written as its own columns: today's client knows only today's Assignment.
  for (const [id, email, role] of [["u-teacher", "t@school.example", "instructor"], ["u-ada", "ada@school.example", "student"], ["u-idle", "idle@school.example", "student"]]) {
    await db.$executeRaw`INSERT INTO "User" ("id", "name", "email", "role", "createdAt", "updatedAt") VALUES (${id}, ${id}, ${email}, ${role}, ${new Date()}, ${new Date()})`;
  }
  for (const [learner, user] of [["l-ada", "u-ada"], ["l-idle", "u-idle"], ["l-anon", null]]) {
    await db.$executeRaw`INSERT INTO "Learner" ("id", "userId", "createdAt", "lastSeenAt") VALUES (${learner}, ${user}, ${new Date()}, ${new Date()})`;
  }
  for (const [id, learner] of [["s-ada", "l-ada"], ["s-anon", "l-anon"]]) {
    await db.$executeRaw`INSERT INTO "Submission" ("id", "learnerId", "exerciseId", "exerciseVersion", "graderVersion", "code", "codeHash", "status", "score", "maxScore", "createdAt")
      VALUES (${id}, ${learner}, 'losses', 'v', 'g', '', '', 'passed', 4, 4, ${new Date()})`;
  }
  await db.$executeRaw`INSERT INTO "Assignment" ("id", "title", "opensAt", "dueAt", "latePolicy", "latePenaltyPercent", "createdAt", "updatedAt")
    VALUES ('a-week1', 'Week 1', ${new Date("2026-11-01T00:00:00Z")}, ${new Date("2026-12-01T00:00:00Z")}, 'close', 0, ${new Date()}, ${new Date()})`;
  // SQLite: the engine migrates the file alone, as `npm run db:migrate` does before a server starts.
  await db.$disconnect();
  expect((await database.migrate())[0]).toMatch(/_classes$/);
  db = createDb(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await database.remove();
});

describe("the classes migration", () => {
  it("puts existing assignments in a default class owned by the existing instructors", async () => {
    const assignment = await db.assignment.findUniqueOrThrow({ where: { id: "a-week1" } });
    expect(assignment).toMatchObject({ classId: "default", title: "Week 1" });
    const members = await db.classMember.findMany({ where: { classId: "default" }, orderBy: { userId: "asc" } });
    expect(members.map((m) => [m.userId, m.role])).toEqual([
      ["u-ada", "student"],
      ["u-teacher", "instructor"],
    ]);
    // Closed until an instructor opens it: nobody joins a class by a code they were never given.
    expect(await db.classroom.findUniqueOrThrow({ where: { id: "default" } })).toMatchObject({ name: "Default class", joinCode: null });
  });
});
