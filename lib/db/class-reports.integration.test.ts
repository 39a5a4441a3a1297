/** What instructors read — statistics, failures, a student's history, assignment grades, the gradebook — from a real SQLite file. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Verdict } from "@/lib/cell-runtime/verdict";
import { assignmentGrades, deleteAssignment, listAssignments, saveAssignment } from "./assignments";
import { createClass, joinClass } from "./classes";
import { createDb, type Db } from "./client";
import { exerciseFailures, exerciseStats } from "./exercise-stats";
import { gradebook, gradebookCsv, gradebookTable } from "./gradebook";
import { testDatabase } from "@/test/databases";
import { finishSubmission, recordHints, recordReveal, startSubmission, touchLearner } from "./progress";
import { studentHistory } from "./student-history";

const database = testDatabase("reports");
let db: Db;
/** The class Ada and Bob are in, and one the anonymous learner and Cy (who never started) are not all in. */
let classId: string;
let otherClassId: string;
const DUE = new Date("2026-12-01T17:00:00Z");
const hoursFromDue = (hours: number) => new Date(DUE.getTime() + hours * 3_600_000);
const lesson = { href: "/learn/loss-functions/measuring-error", exerciseIds: ["losses"] };

const failing = (message: string): Verdict => ({
  status: "failed",
  tests: [
    { name: "mse is a scalar", hidden: false, points: 0, maxPoints: 2, passed: false, message },
    { name: "bce is finite", hidden: true, points: 2, maxPoints: 2, passed: true },
  ],
  score: 2,
  maxScore: 4,
  logs: "",
  durationMs: 5,
});
const passing: Verdict = { ...failing(""), status: "passed", tests: [], score: 4 };
const timeLimit: Verdict = { status: "time-limit", message: "Your code ran longer than 10 s.", tests: [], score: 0, maxScore: 4, logs: "", durationMs: 10_000 };

let counter = 0;
async function graded(learnerId: string, verdict: Verdict, createdAt: Date, exerciseId = "losses") {
  const id = `sub-${++counter}`;
  await startSubmission(db, { id, learnerId, exerciseId, exerciseVersion: "v", graderVersion: "g", code: `// ${learnerId} attempt ${counter}` });
  await finishSubmission(db, { id, learnerId, verdict, lesson: { ...lesson, exerciseIds: [exerciseId] } });
  await db.submission.update({ where: { id }, data: { createdAt } });
}

beforeAll(async () => {
  await database.migrate();
  db = createDb(database.url);
  await db.user.create({ data: { id: "u-ada", name: "Ada", email: "ada@school.example", role: "student" } });
  await db.user.create({ data: { id: "u-teacher", name: "Teacher", email: "t@school.example", role: "instructor" } });
  for (const id of ["ada", "bob", "anon", "teacher"]) await touchLearner(db, id);
  await db.learner.update({ where: { id: "ada" }, data: { userId: "u-ada" } });
  await db.learner.update({ where: { id: "teacher" }, data: { userId: "u-teacher" } });
  await db.user.create({ data: { id: "u-bob", name: "Bob", email: "bob@school.example", role: "student" } });
  await db.learner.update({ where: { id: "bob" }, data: { userId: "u-bob" } });
  await db.user.create({ data: { id: "u-cy", name: "Cy", email: "cy@school.example", role: "student" } });
  ({ id: classId } = await createClass(db, { name: "Section A", term: "" }, "u-teacher"));
  ({ id: otherClassId } = await createClass(db, { name: "Section B", term: "" }, "u-teacher"));
  for (const user of ["u-ada", "u-bob", "u-cy"]) await joinClass(db, classId, user);
  await joinClass(db, otherClassId, "u-bob");

  // Ada fails twice on the same misconception (different numbers), then passes two days late.
  await graded("ada", failing("expected shape [], got [2]: average over every element"), hoursFromDue(-30));
  await graded("ada", failing("expected shape [], got [3]: average over every element"), hoursFromDue(-20));
  await graded("ada", passing, hoursFromDue(36));
  // Bob hits the same failure once, then passes on time.
  await graded("bob", failing("expected shape [], got [5]: average over every element"), hoursFromDue(-10));
  await graded("bob", passing, hoursFromDue(-5));
  // An anonymous learner runs out of time.
  await graded("anon", timeLimit, hoursFromDue(-1));
  // The instructor's own tries count nowhere.
  await graded("teacher", failing("instructor testing"), hoursFromDue(-2));
  await recordHints(db, "ada", "losses", 1);
  await recordHints(db, "bob", "losses", 0);
  await recordHints(db, "teacher", "losses", 2);
  await recordReveal(db, "ada", "losses");
});

afterAll(async () => {
  await db.$disconnect();
  await database.remove();
});

describe("exercise statistics", () => {
  it("count the class's students, attempts, passes, attempts to pass and help used, without instructors or anonymous learners", async () => {
    const [stats] = await exerciseStats(db, classId, ["losses"]);
    expect(stats).toEqual({
      exerciseId: "losses",
      students: 2,
      attempts: 5,
      passed: 2,
      passRate: 1,
      medianAttemptsToPass: 2.5, // Ada 3, Bob 2
      studentsWithHints: 2,
      hintsOpened: 3,
      reveals: 1,
    });
  });

  it("are empty, not wrong, for an exercise nobody tried", async () => {
    expect(await exerciseStats(db, classId, ["untried"])).toEqual([
      { exerciseId: "untried", students: 0, attempts: 0, passed: 0, passRate: undefined, medianAttemptsToPass: undefined, studentsWithHints: 0, hintsOpened: 0, reveals: 0 },
    ]);
  });

  it("group failures by test and message, whatever the numbers in it, most students first", async () => {
    const failures = await exerciseFailures(db, classId, "losses");
    expect(failures).toEqual([
      { test: "mse is a scalar", message: "expected shape [], got [2]: average over every element", students: 2, submissions: 3 },
    ]);
    // Another class sees only its own students' failures: Bob's one.
    expect(await exerciseFailures(db, otherClassId, "losses")).toEqual([
      { test: "mse is a scalar", message: "expected shape [], got [5]: average over every element", students: 1, submissions: 1 },
    ]);
  });
});

describe("a student's history", () => {
  it("lists every submission newest first, with code and verdict", async () => {
    const history = await studentHistory(db, classId, "u-ada");
    expect(history).toMatchObject({ name: "Ada", email: "ada@school.example" });
    expect(history!.submissions.map((s) => s.status)).toEqual(["passed", "failed", "failed"]);
    expect(history!.submissions[2]).toMatchObject({ code: "// ada attempt 1", verdict: { tests: [{ name: "mse is a scalar", passed: false }, { passed: true }] } });
    expect(history!.hints).toHaveLength(2);
    expect(history!.reveals).toHaveLength(1);
  });

  it("is not given for an instructor, an unknown id, or a student of another class", async () => {
    expect(await studentHistory(db, classId, "u-teacher")).toBeUndefined();
    expect(await studentHistory(db, classId, "nobody")).toBeUndefined();
    expect(await studentHistory(db, otherClassId, "u-ada")).toBeUndefined();
  });
});

describe("assignments", () => {
  const week = { title: "Week 1: losses", opensAt: hoursFromDue(-100), dueAt: DUE, exerciseIds: ["losses"] };

  it("grade late work by the penalty policy, and nothing after the due date when closed", async () => {
    const penalty = await saveAssignment(db, classId, { ...week, latePolicy: "penalty", latePenaltyPercent: 10 });
    const closed = await saveAssignment(db, classId, { ...week, title: "Week 1 (strict)", latePolicy: "close", latePenaltyPercent: 0 });
    const assignments = await listAssignments(db, classId);
    const grades = await assignmentGrades(db, assignments);
    // Ada passed 36 h late (2 started days, -20%): 3.2 beats her on-time 2. Closed: only her on-time 2 counts.
    expect(grades.get("ada")?.get(penalty)).toMatchObject({ credited: 3.2, exercises: { losses: { credited: 3.2, late: true, attempts: 3 } } });
    expect(grades.get("ada")?.get(closed)).toMatchObject({ credited: 2, exercises: { losses: { late: false } } });
    expect(grades.get("bob")?.get(penalty)?.credited).toBe(4);
    expect(grades.get("bob")?.get(closed)?.credited).toBe(4);
    expect(await listAssignments(db, otherClassId)).toEqual([]);
    expect(await deleteAssignment(db, otherClassId, closed)).toBe(false);
    expect(await deleteAssignment(db, classId, closed)).toBe(true);
  });

  it("can be changed, and grades follow at once", async () => {
    const [assignment] = await listAssignments(db, classId);
    await expect(saveAssignment(db, otherClassId, { ...week, latePolicy: "close", latePenaltyPercent: 0 }, assignment!.id)).rejects.toThrow(/another class/);
    await saveAssignment(db, classId, { ...week, latePolicy: "penalty", latePenaltyPercent: 50 }, assignment!.id);
    const grades = await assignmentGrades(db, await listAssignments(db, classId));
    expect(grades.get("ada")?.get(assignment!.id)?.credited).toBe(2); // 4 × (1 − 2 × 50%) = 0 < her on-time 2
  });
});

describe("the gradebook", () => {
  it("has one row per student of the class, started or not (no instructors, no anonymous learners), and the roster's columns in its CSV", async () => {
    const assignments = await listAssignments(db, classId);
    const rows = await gradebook(db, classId, assignments);
    expect(rows.map((r) => r.userId).sort()).toEqual(["u-ada", "u-bob", "u-cy"]);
    expect(rows.find((r) => r.userId === "u-cy")).toMatchObject({ learnerId: undefined, lastActivity: undefined, best: {} });
    expect((await gradebook(db, otherClassId, [])).map((r) => r.userId)).toEqual(["u-bob"]);
    const table = gradebookTable(rows, {
      exercises: [{ id: "losses", title: "Measuring error", maxScore: 4 }],
      assignments,
      modules: [{ slug: "loss-functions", title: "Loss functions", lessonHrefs: [lesson.href] }],
      maxScoreOf: () => 4,
    });
    const csv = gradebookCsv({ ...table, rows: table.rows.filter((r) => r.row.learnerId === "ada") });
    expect(csv).toBe(
      [
        "student,email,last activity,Measuring error (/4),exercise total (/4),assignment: Week 1: losses (/4),assignment total (/4),lessons done: Loss functions (/1),lessons completed",
        `Ada,ada@school.example,${table.rows.find((r) => r.row.learnerId === "ada")!.cells["last-activity"]},4,4,2,2,1,1`,
        "",
      ].join("\n"),
    );
  });

  it("defuses spreadsheet formulas and quotes what CSV needs quoted", () => {
    const row = { userId: "x", name: '=HYPERLINK("evil"),1', email: "a@b", lastActivity: new Date(0), best: {}, assignments: {}, completedLessons: new Set<string>() };
    const csv = gradebookCsv(gradebookTable([row], { exercises: [], assignments: [], modules: [], maxScoreOf: () => 0 }));
    expect(csv.split("\n")[1]).toBe(`"'=HYPERLINK(""evil""),1",a@b,1970-01-01 00:00,0,0,0`);
  });
});
