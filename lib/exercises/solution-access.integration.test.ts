/**
 * Who may see a reference solution (solution-access.ts), through the
 * exercise service, on a real SQLite file migrated by the real migrations,
 * with every submission graded by the real grader: an anonymous learner
 * never, however many fresh cookies and empty submissions; an account only
 * after attempts whose tests ran on code of its own; anyone who passed.
 * After each hostile case a correct submission is still graded correctly.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/test/databases";
import { workerWhenQueued } from "@/test/workers";
import type { Db } from "@/lib/db/client";

const database = testDatabase("reveal");
process.env.DATABASE_URL = database.url;

const EXERCISE = "losses";
const WRONG = (n: number) =>
  `function mse(a: tf.Tensor, b: tf.Tensor) { return a.sub(b).square().sum().mul(${n}); }\nfunction binaryCrossEntropy(y: tf.Tensor, p: tf.Tensor) { return tf.scalar(${n}); }`;

let service: typeof import("./service");
let db: Db;
let starter: string;
let solution: string;

workerWhenQueued(database);

beforeAll(async () => {
  await database.migrate();
  service = await import("./service");
  db = (await import("@/lib/db/client")).db();
  const exercise = await service.findExercise(EXERCISE);
  starter = exercise.starter;
  solution = exercise.solution;
});

afterAll(async () => {
  const { graderPool } = await import("./grader");
  await graderPool().close();
  await (await import("@/lib/jobs/connection")).closeJobQueue();
  await db.$disconnect();
  await database.remove();
});

/** A visitor with a fresh learner cookie and no account. */
async function anonymousLearner(): Promise<string> {
  const id = randomUUID();
  await db.learner.create({ data: { id } });
  return id;
}

/** A signed-up account's learner, as currentLearnerId finds it for a signed-in request. */
async function accountLearner(): Promise<string> {
  const { learnerForUser } = await import("@/lib/db/accounts");
  const userId = randomUUID();
  await db.user.create({ data: { id: userId, name: "learner", email: `${userId}@school.example` } });
  return learnerForUser(db, userId);
}

const submit = (learnerId: string, code: string) => service.submit(learnerId, { id: randomUUID(), exerciseId: EXERCISE, code });
const reveal = (learnerId: string | undefined) => service.revealSolution(learnerId, EXERCISE);
const access = async (learnerId: string | undefined) => (await service.exerciseView(learnerId, EXERCISE)).access;

async function expectCorrectGraded(learnerId: string) {
  const { submission } = await submit(learnerId, solution);
  expect(submission).toMatchObject({ status: "passed", score: 9, maxScore: 9 });
}

describe("an anonymous learner", () => {
  it("cannot reveal a solution with empty submissions, on one cookie or many", async () => {
    for (let cookie = 0; cookie < 2; cookie++) {
      const learner = await anonymousLearner();
      for (let i = 0; i < 4; i++) expect((await submit(learner, "")).submission.status).toBe("failed");
      expect((await service.exerciseView(learner, EXERCISE)).state.attempts).toBe(4);
      await expect(reveal(learner)).rejects.toMatchObject({ status: 401, message: expect.stringMatching(/^Sign in to see solutions/) });
      expect(await access(learner)).toEqual({ open: false, needs: "sign-in" });
    }
    await expect(reveal(undefined)).rejects.toMatchObject({ status: 401 });
    expect(await access(undefined)).toEqual({ open: false, needs: "sign-in" });
    expect(await db.solutionReveal.count()).toBe(0);
  });

  it("cannot reveal with real attempts either, but may once they pass", async () => {
    const learner = await anonymousLearner();
    for (let n = 1; n <= 4; n++) await submit(learner, WRONG(n));
    await expect(reveal(learner)).rejects.toMatchObject({ status: 401 });
    await expectCorrectGraded(learner);
    expect(await access(learner)).toEqual({ open: true });
    expect(await reveal(learner)).toBe(solution);
  });
});

describe("a signed-in account", () => {
  let learner: string;
  beforeAll(async () => {
    learner = await accountLearner();
  });

  it("gets no attempts for submissions that are empty, the starter, a repeat, or never ran their tests", async () => {
    const notAttempts = [
      "",
      "  \n// nothing yet\n",
      starter,
      `// my answer\n${starter.replaceAll("  ", "\t")}\n\n`,
      "function mse(a, b) {", // a syntax error
      "throw new Error('stop');", // fails before any test
      "function mse() { while (true) {} }", // a limit
    ];
    for (const code of notAttempts) await submit(learner, code);
    // One real attempt, submitted again and again with only comments and spacing changed.
    await submit(learner, WRONG(2));
    await submit(learner, WRONG(2));
    await submit(learner, `/* again */ ${WRONG(2).replace(/ /g, "  ")}`);
    expect((await service.exerciseView(learner, EXERCISE)).state.attempts).toBe(10);
    await expect(reveal(learner)).rejects.toMatchObject({ status: 403, message: expect.stringMatching(/^The solution opens after 3 graded attempts; make 2 more first/) });
    expect(await access(learner)).toEqual({ open: false, needs: "attempts", attempts: 1, remaining: 2 });
    await expectCorrectGradedElsewhere();
  });

  it("may reveal after the author's number of real attempts, and the reveal is recorded", async () => {
    await submit(learner, WRONG(3));
    expect(await access(learner)).toMatchObject({ needs: "attempts", remaining: 1 });
    await submit(learner, WRONG(4));
    expect(await access(learner)).toEqual({ open: true });
    expect(await reveal(learner)).toBe(solution);
    const view = await service.exerciseView(learner, EXERCISE);
    expect(view).toMatchObject({ state: { revealed: true }, solution, access: { open: true } });
    await expectCorrectGraded(learner);
  });

  /** The grader still grades a correct submission correctly, without giving this account a pass that would open the solution. */
  async function expectCorrectGradedElsewhere() {
    await expectCorrectGraded(await anonymousLearner());
  }
});
