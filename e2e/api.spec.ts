import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";

/** The exercise API at its edge: every bad request gets a 4xx with a message, never a 500. */
test.describe("the exercise API", () => {
  test.skip(({ isMobile }) => isMobile, "API checks need one project only");

  const submission = (overrides: Record<string, unknown> = {}) => ({
    id: randomUUID(),
    exerciseId: "losses",
    code: "function mse(a, b) { return a.sub(b).square().mean(); }",
    ...overrides,
  });

  for (const [name, body, status, message] of [
    ["missing fields", { exerciseId: "losses" }, 400, /id: .*; code: /],
    ["a wrong type", submission({ code: 42 }), 400, /code: Invalid input: expected string/],
    ["an id that is not a UUID", submission({ id: "1" }), 400, /id: Invalid UUID/],
    ["an unknown field", submission({ score: 100 }), 400, /Unrecognized key: "score"/],
    ["code over the size limit", submission({ code: "x".repeat(50_001) }), 400, /code must be at most 50000 characters/],
    ["an unknown exercise", submission({ exerciseId: "no-such-exercise" }), 404, /There is no exercise "no-such-exercise"/],
  ] as const) {
    test(`refuses ${name} with ${status}`, async ({ request }) => {
      const response = await request.post("/api/submissions", { data: body });
      expect(response.status()).toBe(status);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
    });
  }

  test("refuses a body that is not JSON, and one that is far too large", async ({ request }) => {
    const notJson = await request.post("/api/submissions", { data: "{nope", headers: { "content-type": "application/json" } });
    expect(notJson.status()).toBe(400);
    const huge = await request.post("/api/submissions", { data: JSON.stringify(submission({ code: "y".repeat(400_000) })), headers: { "content-type": "application/json" } });
    expect(huge.status()).toBe(413);
  });

  test("refuses writes from another site", async ({ request }) => {
    const response = await request.post("/api/submissions", { data: submission(), headers: { origin: "https://evil.example" } });
    expect(response.status()).toBe(403);
    const draft = await request.put("/api/exercises/losses/draft", { data: { code: "x" }, headers: { origin: "null" } });
    expect(draft.status()).toBe(403);
  });

  test("grades a retried submission once", async ({ request }) => {
    // Saving a draft makes this client a learner (its cookie), as opening an exercise does for a browser.
    expect((await request.put("/api/exercises/losses/draft", { data: { code: "" } })).status()).toBe(204);
    const body = submission();
    const [first, retry] = await Promise.all([request.post("/api/submissions", { data: body }), request.post("/api/submissions", { data: body })]);
    expect(first.status()).toBe(200);
    expect(retry.status()).toBe(200);
    type Result = { submission: { id: string; score: number } };
    const [a, b] = (await Promise.all([first.json(), retry.json()])) as [Result, Result];
    expect(a.submission).toEqual(b.submission);
    const state = (await (await request.get("/api/exercises/losses")).json()) as { state: { attempts: number } };
    expect(state.state.attempts).toBe(1);
  });

  test("limits submissions per exercise per hour, with a clear message", async ({ request }) => {
    expect((await request.put("/api/exercises/conv-output-size/draft", { data: { code: "" } })).status()).toBe(204);
    const code = "function outputSize() { return 0; }";
    for (let i = 0; i < 30; i++) {
      expect((await request.post("/api/submissions", { data: submission({ exerciseId: "conv-output-size", code }) })).status()).toBe(200);
    }
    const limited = await request.post("/api/submissions", { data: submission({ exerciseId: "conv-output-size", code }) });
    expect(limited.status()).toBe(429);
    expect(((await limited.json()) as { error: string }).error).toMatch(/30 times in the last hour, its limit. Try again in \d+ minutes?/);
  });

  test("keeps the solution closed to a learner without an account who has not passed", async ({ request }) => {
    const response = await request.post("/api/exercises/losses/solution");
    expect(response.status()).toBe(401);
    expect(((await response.json()) as { error: string }).error).toMatch(/^Sign in to see solutions: a solution opens to a signed-in account after 3 graded attempts/);
  });
});
