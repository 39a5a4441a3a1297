/**
 * Access control against the real database: the app's own route handlers,
 * called with real Requests (cookies included), on a SQLite file migrated by
 * the real migrations, with accounts made through better-auth's real
 * endpoints and one submission graded by the real grader. Every refused
 * attempt is checked for its status and for what its body must not leak.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/test/databases";
import { workerWhenQueued } from "@/test/workers";
import { Browser, CLIENT_ADDRESS_HEADER, closeApp, ORIGIN } from "./app-routes";

const database = testDatabase("security");
process.env.DATABASE_URL = database.url;
process.env.DESCENT_SECRET = "a test secret that is long enough to sign cookies";
process.env.BETTER_AUTH_URL = ORIGIN;

const PASSWORD = "correct horse battery";
const exerciseFile = (name: string) => readFileSync(path.join("content/loss-functions/exercises/losses", name), "utf8");
/** A distinctive line of a file: what a leak of it would contain. */
const distinctiveLine = (source: string) => source.split("\n").map((l) => l.trim()).filter((l) => l.length > 30).sort((a, b) => b.length - a.length)[0]!;

let ada: Browser;
let bob: Browser;
let teacher: Browser;
let classId: string;
const anonymous = new Browser();
const BOB_DRAFT = "// bob's draft: function mse() { return 42; }";
const BOB_CODE = "function mse(predictions, targets) { return tf.mean(tf.abs(tf.sub(predictions, targets))); }\nfunction bce(p, y) { return tf.scalar(0); }";
const BOB_SUBMISSION = "7a0c3b0e-9f1e-4a59-9d1a-2b7f0c0e4b11";

async function signUp(email: string): Promise<Browser> {
  const browser = new Browser();
  const response = await browser.fetch("POST", "/api/auth/sign-up/email", { email, password: PASSWORD, name: email.split("@")[0] });
  expect(response.status, response.text).toBe(200);
  return browser;
}

workerWhenQueued(database);

beforeAll(async () => {
  await database.migrate();
  ada = await signUp("ada@school.example");
  bob = await signUp("bob@school.example");
  teacher = await signUp("teacher@school.example");
  const { db } = await import("@/lib/db/client");
  await db().user.update({ where: { email: "teacher@school.example" }, data: { role: "instructor" } });
  // The teacher's class, which Bob joins by its code; Ada is in no class.
  const created = await teacher.fetch("POST", "/api/instructor/classes", { name: "Section A" });
  expect(created.status, created.text).toBe(201);
  ({ id: classId } = created.json() as { id: string });
  expect((await bob.fetch("POST", "/api/classes/join", { code: (created.json() as { joinCode: string }).joinCode })).status).toBe(200);

  // Bob drafts, and submits a wrong answer that the real grader grades.
  expect((await bob.fetch("PUT", "/api/exercises/losses/draft", { code: BOB_DRAFT })).status).toBe(204);
  const graded = await bob.fetch("POST", "/api/submissions", { id: BOB_SUBMISSION, exerciseId: "losses", code: BOB_CODE });
  expect(graded.status, graded.text).toBe(200);
});

afterAll(() => closeApp(database));

/** Every instructor call; `:class` is the teacher's class, whose id is known only once it exists. */
const INSTRUCTOR_CALLS: Array<[string, string, unknown?]> = [
  ["GET", "/api/instructor/classes/:class/gradebook"],
  ["POST", "/api/instructor/classes/:class/assignments", { title: "Week 1", opensAt: "2026-11-01T00:00:00Z", dueAt: "2026-12-01T00:00:00Z", latePolicy: "close", exerciseIds: ["losses"] }],
  ["PUT", "/api/instructor/classes/:class/assignments/any", { title: "Week 1", opensAt: "2026-11-01T00:00:00Z", dueAt: "2026-12-01T00:00:00Z", latePolicy: "close", exerciseIds: ["losses"] }],
  ["DELETE", "/api/instructor/classes/:class/assignments/any"],
  ["PATCH", "/api/instructor/classes/:class", { name: "Renamed" }],
  ["PUT", "/api/instructor/classes/:class/join-code", { open: true }],
  ["POST", "/api/instructor/classes/:class/instructors", { email: "ada@school.example" }],
  ["DELETE", "/api/instructor/classes/:class/members/any"],
  ["POST", "/api/instructor/classes", { name: "A class" }],
];

/** Nothing about students, their work or the exercise's secrets in a refusal. */
function expectNoLeak(text: string) {
  for (const secret of ["bob@school.example", "ada@school.example", BOB_DRAFT, "tf.abs", distinctiveLine(exerciseFile("solution.ts")), distinctiveLine(exerciseFile("hidden-tests.ts"))]) {
    expect(text).not.toContain(secret);
  }
}

describe("instructor APIs", () => {
  it.each(INSTRUCTOR_CALLS)("%s %s answers 401 to an anonymous visitor", async (method, url, body) => {
    const response = await anonymous.fetch(method, url.replace(":class", classId), body);
    expect(response.status).toBe(401);
    expectNoLeak(response.text);
  });

  it.each(INSTRUCTOR_CALLS)("%s %s answers 403 to a student", async (method, url, body) => {
    const response = await bob.fetch(method, url.replace(":class", classId), body);
    expect(response.status).toBe(403);
    expect(response.json()).toEqual({ error: "Only instructors can see this." });
  });

  it("serve an instructor, and refuse a tampered assignment", async () => {
    const gradebook = await teacher.fetch("GET", `/api/instructor/classes/${classId}/gradebook`);
    expect(gradebook.status).toBe(200);
    expect(gradebook.text).toContain("bob@school.example");
    expect(gradebook.text).not.toContain("ada@school.example");
    const tampered = await teacher.fetch("POST", `/api/instructor/classes/${classId}/assignments`, { ...(INSTRUCTOR_CALLS[1]![2] as object), createdBy: "someone" });
    expect(tampered.status).toBe(400);
    expect(tampered.text).toContain("createdBy");
  });

  it("refuse a write from another site even with an instructor's cookies", async () => {
    const [, url, body] = INSTRUCTOR_CALLS[1]!;
    const response = await teacher.fetch("POST", url.replace(":class", classId), body, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
  });
});

describe("one student's work is theirs alone", () => {
  it("another student sees neither Bob's draft nor his submission", async () => {
    const state = await ada.fetch("GET", "/api/exercises/losses");
    expect(state.status).toBe(200);
    expect(state.json()).toMatchObject({ state: { attempts: 0, bestScore: 0 } });
    expectNoLeak(state.text);
    const progress = await ada.fetch("GET", "/api/progress");
    expect(progress.json()).toMatchObject({ completedLessons: [], exercises: {} });
  });

  it("reusing Bob's submission id is a conflict that tells nothing about it", async () => {
    const response = await ada.fetch("POST", "/api/submissions", { id: BOB_SUBMISSION, exerciseId: "losses", code: "function mse() {}" });
    expect(response.status).toBe(409);
    expectNoLeak(response.text);
    expect(response.text).not.toContain("mean");
  });

  it("a learner cookie naming Bob's learner without our signature is ignored", async () => {
    const { db } = await import("@/lib/db/client");
    const bobLearner = (await db().learner.findFirstOrThrow({ where: { user: { email: "bob@school.example" } } })).id;
    const forger = new Browser();
    forger.cookies.set("descent_learner", `${bobLearner}.forged-signature`);
    const state = await forger.fetch("GET", "/api/exercises/losses");
    expect(state.json()).toMatchObject({ state: { attempts: 0 } });
    expectNoLeak(state.text);
  });

  it("the signed-in owner does see it", async () => {
    const state = await bob.fetch("GET", "/api/exercises/losses");
    expect(state.json()).toMatchObject({ state: { attempts: 1, draft: { code: BOB_DRAFT } } });
  });
});

describe("anonymous work and accounts", () => {
  it("is kept at sign-up, and no longer read by the browser's learner cookie once signed out", async () => {
    const carol = new Browser();
    expect((await carol.fetch("PUT", "/api/exercises/losses/draft", { code: "// carol's anonymous draft" })).status).toBe(204);
    expect(carol.cookies.has("descent_learner")).toBe(true);
    const signUp = await carol.fetch("POST", "/api/auth/sign-up/email", { email: "carol@school.example", password: PASSWORD, name: "Carol" });
    expect(signUp.status).toBe(200);
    expect((await carol.fetch("GET", "/api/exercises/losses")).json()).toMatchObject({ state: { draft: { code: "// carol's anonymous draft" } } });

    // Signed out on a shared computer: both the session and the learner cookie go.
    const learnerCookie = carol.cookies.get("descent_learner")!;
    expect((await carol.fetch("POST", "/api/auth/sign-out", {})).status).toBe(200);
    expect([...carol.cookies.keys()]).toEqual([]);
    // Even a copy of the old learner cookie no longer reads the account's work.
    const copy = new Browser();
    copy.cookies.set("descent_learner", learnerCookie);
    const after = await copy.fetch("GET", "/api/exercises/losses");
    expect(after.json()).toMatchObject({ state: { attempts: 0 } });
    expect(after.text).not.toContain("carol's anonymous draft");
  });

  it("is merged into an existing account at sign-in: drafts, hints, submissions", async () => {
    const laptop = new Browser();
    expect((await laptop.fetch("PUT", "/api/exercises/conv-output-size/draft", { code: "// ada, anonymously on her laptop" })).status).toBe(204);
    expect((await laptop.fetch("POST", "/api/exercises/conv-output-size/hints", { index: 0 })).status).toBe(204);
    const { db } = await import("@/lib/db/client");
    const anonymousLearner = laptop.cookies.get("descent_learner")!.split(".")[0]!;
    expect(await db().learner.findUnique({ where: { id: anonymousLearner } })).not.toBeNull();

    expect((await laptop.fetch("POST", "/api/auth/sign-in/email", { email: "ada@school.example", password: PASSWORD }, { [CLIENT_ADDRESS_HEADER]: "203.0.113.30" })).status).toBe(200);
    // Ada's first browser, already signed in, now sees the laptop's work too.
    expect((await ada.fetch("GET", "/api/exercises/conv-output-size")).json()).toMatchObject({
      state: { draft: { code: "// ada, anonymously on her laptop" }, hintsShown: 1 },
    });
    expect(await db().learner.findUnique({ where: { id: anonymousLearner } })).toBeNull();
  });

  it("a hint index beyond the exercise's hints is a 400", async () => {
    const response = await ada.fetch("POST", "/api/exercises/losses/hints", { index: 99 });
    expect(response.status).toBe(400);
    expect(response.text).toContain("hints");
  });
});

describe("exercise secrets", () => {
  it("never leave the server before the solution is earned", async () => {
    const solution = await bob.fetch("POST", "/api/exercises/losses/solution");
    expect(solution.status).toBe(403);
    expect(solution.text).toContain("opens after");
    expectNoLeak(solution.text);
    // Without an account, no number of attempts opens a solution: a fresh cookie would reset the count.
    const anonymousSolution = await anonymous.fetch("POST", "/api/exercises/losses/solution");
    expect(anonymousSolution.status).toBe(401);
    expect(anonymousSolution.json()).toEqual({ error: expect.stringMatching(/^Sign in to see solutions/) });
    expectNoLeak(anonymousSolution.text);
    // Bob's own state holds his draft; it must still hold neither the solution nor a hidden test.
    const state = await bob.fetch("GET", "/api/exercises/losses");
    expect(state.text).not.toContain(distinctiveLine(exerciseFile("solution.ts")));
    expect(state.text).not.toContain(distinctiveLine(exerciseFile("hidden-tests.ts")));
  });
});

describe("tampered request bodies", () => {
  it("a submission cannot carry its own score or learner", async () => {
    for (const extra of [{ score: 9 }, { learnerId: "someone" }, { status: "passed" }]) {
      const response = await ada.fetch("POST", "/api/submissions", { id: crypto.randomUUID(), exerciseId: "losses", code: "x", ...extra });
      expect(response.status).toBe(400);
      expect(response.text).toContain(Object.keys(extra)[0]!);
    }
    const draft = await ada.fetch("PUT", "/api/exercises/losses/draft", { code: "x", learnerId: "someone" });
    expect(draft.status).toBe(400);
  });

  it.each([{ role: "instructor" }, { id: "chosen-id" }, { emailVerified: true }])("sign-up cannot set %o", async (extra) => {
    const email = `mallory-${Object.keys(extra)[0]}@school.example`;
    const response = await new Browser().fetch("POST", "/api/auth/sign-up/email", { email, password: PASSWORD, name: "m", ...extra });
    expect(response.status).toBe(400);
    expect(response.text).toContain(Object.keys(extra)[0]!);
    const { db } = await import("@/lib/db/client");
    expect(await db().user.findUnique({ where: { email } })).toBeNull();
  });
});

describe("sign-in", () => {
  it("answers a wrong password and an unknown email alike", async () => {
    const wrongPassword = await new Browser().fetch("POST", "/api/auth/sign-in/email", { email: "ada@school.example", password: "not the password" }, { [CLIENT_ADDRESS_HEADER]: "203.0.113.20" });
    const unknownEmail = await new Browser().fetch("POST", "/api/auth/sign-in/email", { email: "nobody@school.example", password: "not the password" }, { [CLIENT_ADDRESS_HEADER]: "203.0.113.20" });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownEmail.json());
    expect(wrongPassword.text).toMatch(/invalid email or password/i);
  });

  it.each([
    ["an over-long email", { email: `${"a".repeat(1000)}@school.example`, password: PASSWORD }],
    ["a malformed email", { email: "not an email", password: PASSWORD }],
    ["an over-long password", { email: "ada@school.example", password: "p".repeat(10_000) }],
    ["a missing password", { email: "ada@school.example" }],
  ])("refuses %s with a 4xx and a message, not a 500", async (_what, body) => {
    const response = await new Browser().fetch("POST", "/api/auth/sign-in/email", body, { [CLIENT_ADDRESS_HEADER]: "203.0.113.21" });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect((response.json() as { message?: string }).message).toBeTruthy();
    expect(response.text).not.toContain("ada@school.example");
  });

  it("is rate-limited per client address, with a clear message", async () => {
    // Guesses at many accounts from one address: the per-address limit stops them (each account alone stays under its own).
    const attempt = (i: number) => new Browser().fetch("POST", "/api/auth/sign-in/email", { email: `guess${i}@school.example`, password: "guess" }, { [CLIENT_ADDRESS_HEADER]: "203.0.113.99" });
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt(i)).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const limited = await attempt(10);
    expect(limited.status).toBe(429);
    expect(limited.text).toMatch(/too many requests/i);
    // Another address is not affected.
    const other = await new Browser().fetch("POST", "/api/auth/sign-in/email", { email: "ada@school.example", password: PASSWORD }, { [CLIENT_ADDRESS_HEADER]: "203.0.113.100" });
    expect(other.status).toBe(200);
  });

  it("is throttled per account, whatever the address, with a growing wait", async () => {
    await signUp("dora@school.example");
    // A guesser who rotates addresses: a new one for every try.
    const attempt = (i: number, password = "guess") =>
      new Browser().fetch("POST", "/api/auth/sign-in/email", { email: "dora@school.example", password }, { [CLIENT_ADDRESS_HEADER]: `198.51.100.${i}` });
    for (let i = 0; i < 5; i++) expect((await attempt(i)).status).toBe(401);
    expect((await attempt(5)).status).toBe(401); // the sixth failure starts the wait
    const blocked = await attempt(6, PASSWORD);
    expect(blocked.status).toBe(429);
    expect((blocked.json() as { message: string }).message).toMatch(/too many failed sign-ins for this account\. wait \d+ seconds?/i);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    // Once the wait is over, the right password signs in (and forgets the failures).
    await new Promise((resolve) => setTimeout(resolve, Number(blocked.headers.get("retry-after")) * 1000));
    expect((await attempt(7, PASSWORD)).status).toBe(200);
    expect((await attempt(8)).status).toBe(401);
  });
});
