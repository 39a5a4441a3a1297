/**
 * Classes against the real database, through the app's own route handlers:
 * two classes side by side, two instructors, students in one or both, an
 * anonymous learner with graded work, and a student in no class. Each
 * instructor sees their own class only; a refusal changes nothing and names
 * nobody of the other class.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/test/databases";
import { Browser, CLIENT_ADDRESS_HEADER, closeApp } from "./app-routes";

const database = testDatabase("classes");
process.env.DATABASE_URL = database.url;
process.env.DESCENT_SECRET = "a test secret that is long enough to sign cookies";
process.env.BETTER_AUTH_URL = "http://descent.test";

const PASSWORD = "correct horse battery";
const WEEK = { title: "Week 1", opensAt: "2026-11-01T00:00:00Z", dueAt: "2026-12-01T00:00:00Z", latePolicy: "close", exerciseIds: ["losses"] };

async function signUp(email: string): Promise<Browser> {
  const browser = new Browser();
  const response = await browser.fetch("POST", "/api/auth/sign-up/email", { email, password: PASSWORD, name: email.split("@")[0] });
  expect(response.status, response.text).toBe(200);
  return browser;
}

let alice: Browser; // instructor account, teaches A
let brian: Browser; // instructor account, teaches B
let onlyA: Browser;
let onlyB: Browser;
let both: Browser;
let nowhere: Browser; // a student in no class
let carol: Browser; // a student account that alice makes her co-instructor
const anonymous = new Browser();
const classes: Record<"A" | "B", { id: string; joinCode: string }> = { A: { id: "", joinCode: "" }, B: { id: "", joinCode: "" } };
const emailOf = (name: string) => `${name}@school.example`;

const db = async () => (await import("@/lib/db/client")).db();

async function join(browser: Browser, code: string) {
  return browser.fetch("POST", "/api/classes/join", { code });
}

beforeAll(async () => {
  await database.migrate();
  [alice, brian, onlyA, onlyB, both, nowhere, carol] = (await Promise.all(["alice", "brian", "only-a", "only-b", "both", "nowhere", "carol"].map((name) => signUp(emailOf(name))))) as [
    Browser,
    Browser,
    Browser,
    Browser,
    Browser,
    Browser,
    Browser,
  ];
  await (await db()).user.updateMany({ where: { email: { in: [emailOf("alice"), emailOf("brian")] } }, data: { role: "instructor" } });
  for (const [key, teacher] of [["A", alice], ["B", brian]] as const) {
    const created = await teacher.fetch("POST", "/api/instructor/classes", { name: `Section ${key}`, term: "Spring 2027" });
    expect(created.status, created.text).toBe(201);
    classes[key] = created.json() as { id: string; joinCode: string };
  }
  for (const [browser, keys] of [[onlyA, ["A"]], [onlyB, ["B"]], [both, ["A", "B"]]] as const) {
    for (const key of keys) expect((await join(browser, classes[key].joinCode)).status).toBe(200);
  }
  // An anonymous learner with graded work (written as the grader would), who must appear on no roster.
  const { startSubmission, finishSubmission, touchLearner } = await import("@/lib/db/progress");
  await touchLearner(await db(), "anonymous-learner");
  await startSubmission(await db(), { id: "anon-1", learnerId: "anonymous-learner", exerciseId: "losses", exerciseVersion: "v", graderVersion: "g", code: "// anonymous" });
  await finishSubmission(await db(), {
    id: "anon-1",
    learnerId: "anonymous-learner",
    verdict: { status: "passed", tests: [], score: 4, maxScore: 4, logs: "", durationMs: 1 },
    lesson: { href: "/learn/loss-functions/measuring-error", exerciseIds: ["losses"] },
  });
});

afterAll(() => closeApp(database));

const gradebookEmails = async (browser: Browser, key: "A" | "B") => {
  const response = await browser.fetch("GET", `/api/instructor/classes/${classes[key].id}/gradebook`);
  expect(response.status, response.text).toBe(200);
  return response.text
    .split("\n")
    .slice(1)
    .filter(Boolean)
    .map((line) => line.split(",")[1]);
};

describe("two classes side by side", () => {
  it("each roster lists its own students, started or not, and never instructors or anonymous learners", async () => {
    expect((await gradebookEmails(alice, "A")).sort()).toEqual([emailOf("both"), emailOf("only-a")]);
    expect((await gradebookEmails(brian, "B")).sort()).toEqual([emailOf("both"), emailOf("only-b")]);
  });

  /** Every call an instructor makes about one class. */
  const CALLS: Array<[string, string, unknown?]> = [
    ["GET", "gradebook"],
    ["POST", "assignments", WEEK],
    ["PATCH", "", { name: "Taken over" }],
    ["PUT", "join-code", { open: false }],
    ["POST", "instructors", { email: emailOf("nowhere") }],
    ["DELETE", "members/USER"],
  ];
  const url = (key: "A" | "B", path: string) => `/api/instructor/classes/${classes[key].id}${path ? `/${path}` : ""}`;

  it.each(CALLS)("%s …/%s of the other class is a 404 that names nobody and changes nothing", async (method, path, body) => {
    const victim = await (await db()).user.findUniqueOrThrow({ where: { email: emailOf("only-b") } });
    const before = await (await db()).classroom.findUniqueOrThrow({ where: { id: classes.B.id }, include: { members: true, assignments: true } });
    const response = await alice.fetch(method, url("B", path.replace("USER", victim.id)), body);
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ error: "There is no such class among the classes you teach." });
    for (const name of ["only-b", "both", "brian"]) expect(response.text).not.toContain(emailOf(name));
    expect(await (await db()).classroom.findUniqueOrThrow({ where: { id: classes.B.id }, include: { members: true, assignments: true } })).toEqual(before);
  });

  it.each(CALLS)("%s …/%s answers 403 to a student of the class and 401 to an anonymous visitor", async (method, path, body) => {
    const student = await both.fetch(method, url("A", path.replace("USER", "x")), body);
    expect(student.status).toBe(403);
    expect(student.json()).toEqual({ error: "Only instructors can see this." });
    expect((await anonymous.fetch(method, url("A", path.replace("USER", "x")), body)).status).toBe(401);
  });

  it("an assignment of one class cannot be changed or deleted through another", async () => {
    const created = await brian.fetch("POST", url("B", "assignments"), WEEK);
    expect(created.status, created.text).toBe(201);
    const { id } = created.json() as { id: string };
    expect((await alice.fetch("PUT", url("A", `assignments/${id}`), { ...WEEK, title: "Hijacked" })).status).toBe(404);
    expect((await alice.fetch("DELETE", url("A", `assignments/${id}`))).status).toBe(404);
    expect(await (await db()).assignment.findUniqueOrThrow({ where: { id } })).toMatchObject({ classId: classes.B.id, title: "Week 1" });
  });

  it("an unknown class is the same 404 as another instructor's", async () => {
    const response = await alice.fetch("GET", "/api/instructor/classes/no-such-class/gradebook");
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ error: "There is no such class among the classes you teach." });
  });
});

describe("joining", () => {
  it("needs an account: an anonymous learner is asked to sign in, and joins nothing", async () => {
    const response = await join(anonymous, classes.A.joinCode);
    expect(response.status).toBe(401);
    expect(response.json()).toEqual({ error: "Sign in or create an account to join a class: your work so far comes with you." });
  });

  it("takes the code as people type it, and joining twice changes nothing", async () => {
    const typed = `${classes.A.joinCode.slice(0, 4).toLowerCase()}-${classes.A.joinCode.slice(4)}`;
    for (let i = 0; i < 2; i++) {
      const response = await join(nowhere, typed);
      expect(response.status, response.text).toBe(200);
      expect(response.json()).toEqual({ classId: classes.A.id, name: "Section A", role: "student" });
    }
    expect(await gradebookEmails(alice, "A")).toContain(emailOf("nowhere"));
    expect(await gradebookEmails(brian, "B")).not.toContain(emailOf("nowhere"));
  });

  it("keeps an instructor who follows their own class's link its instructor", async () => {
    expect((await join(alice, classes.A.joinCode)).json()).toMatchObject({ role: "instructor" });
    expect(await gradebookEmails(alice, "A")).not.toContain(emailOf("alice"));
  });

  it("stops at once for an old code when the code is changed, and for every code when joining is closed", async () => {
    const stranger = await signUp(emailOf("stranger"));
    const rotated = await brian.fetch("PUT", `/api/instructor/classes/${classes.B.id}/join-code`, { open: true });
    const { joinCode } = rotated.json() as { joinCode: string };
    expect(joinCode).not.toBe(classes.B.joinCode);
    const old = await join(stranger, classes.B.joinCode);
    expect(old.status).toBe(404);
    expect(old.json()).toEqual({ error: expect.stringContaining("does not open a class") });
    expect((await brian.fetch("PUT", `/api/instructor/classes/${classes.B.id}/join-code`, { open: false })).json()).toEqual({ joinCode: null });
    expect((await join(stranger, joinCode)).status).toBe(404);
    expect(await gradebookEmails(brian, "B")).not.toContain(emailOf("stranger"));
  });

  it("refuses malformed codes plainly, and limits guessing per network", async () => {
    expect((await join(nowhere, "")).status).toBe(404);
    expect((await nowhere.fetch("POST", "/api/classes/join", { code: "x".repeat(41) })).status).toBe(400);
    const guesser = await signUp(emailOf("guesser"));
    const statuses: number[] = [];
    for (let i = 0; i < 201; i++) {
      statuses.push((await guesser.fetch("POST", "/api/classes/join", { code: `ABCD${String(i).padStart(4, "2").replace(/[01]/g, "2")}` }, { [CLIENT_ADDRESS_HEADER]: "198.51.100.9" })).status);
    }
    expect(statuses.slice(0, 200).every((status) => status === 404)).toBe(true);
    expect(statuses[200]).toBe(429);
  });
});

describe("instructors of a class", () => {
  it("add a co-instructor by email, who then sees that class only and cannot create classes", async () => {
    const added = await alice.fetch("POST", `/api/instructor/classes/${classes.A.id}/instructors`, { email: emailOf("carol").toUpperCase() });
    expect(added.status, added.text).toBe(201);
    expect(await gradebookEmails(carol, "A")).toContain(emailOf("only-a"));
    expect((await carol.fetch("GET", `/api/instructor/classes/${classes.B.id}/gradebook`)).status).toBe(404);
    const create = await carol.fetch("POST", "/api/instructor/classes", { name: "Carol's own" });
    expect(create.status).toBe(403);
    expect(create.json()).toEqual({ error: expect.stringContaining("Only instructor accounts can create classes") });
  });

  it("are told plainly when no account has that email", async () => {
    const response = await alice.fetch("POST", `/api/instructor/classes/${classes.A.id}/instructors`, { email: "nobody@school.example" });
    expect(response.status).toBe(404);
    expect(response.json()).toEqual({ error: expect.stringContaining("No Descent account uses nobody@school.example") });
  });

  it("remove a student from their class only, and the student's work stays theirs", async () => {
    const student = await (await db()).user.findUniqueOrThrow({ where: { email: emailOf("both") } });
    expect((await alice.fetch("DELETE", `/api/instructor/classes/${classes.A.id}/members/${student.id}`)).status).toBe(204);
    expect(await gradebookEmails(alice, "A")).not.toContain(emailOf("both"));
    expect(await gradebookEmails(brian, "B")).toContain(emailOf("both"));
    expect((await alice.fetch("DELETE", `/api/instructor/classes/${classes.A.id}/members/${student.id}`)).status).toBe(404);
  });

  it("cannot leave a class with nobody teaching it", async () => {
    const brianUser = await (await db()).user.findUniqueOrThrow({ where: { email: emailOf("brian") } });
    const response = await brian.fetch("DELETE", `/api/instructor/classes/${classes.B.id}/members/${brianUser.id}`);
    expect(response.status).toBe(409);
    expect(response.json()).toEqual({ error: "A class needs at least one instructor: add another before removing this one." });
  });
});
