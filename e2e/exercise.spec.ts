import type { Page } from "@playwright/test";
import { expect, expectNoSeriousAxeViolations, setCellCode, test } from "./fixtures";

const LESSON = "/learn/loss-functions/measuring-error";

// One function per line: Monaco closes brackets as text is typed, which a brace on its own line would double.
const BCE =
  "function binaryCrossEntropy(yTrue: tf.Tensor, pPred: tf.Tensor) { const p = pPred.clipByValue(1e-7, 1 - 1e-7); " +
  "return yTrue.mul(p.log()).add(tf.scalar(1).sub(yTrue).mul(tf.scalar(1).sub(p).log())).mean().neg(); }";
const WRONG = `function mse(yTrue: tf.Tensor, yPred: tf.Tensor) { return yPred.sub(yTrue).square().sum(); }\n${BCE}`;
const RIGHT = WRONG.replace(".square().sum()", ".square().mean()");

const exercise = (page: Page) => page.locator('section[data-exercise-id="losses"]');

// The lesson's second exercise, solved in one go so the lesson can be completed.
const FROM_LOGITS =
  "function mae(yTrue: tf.Tensor, yPred: tf.Tensor) { return yPred.sub(yTrue).abs().mean(); }\n" +
  "function sparseCrossEntropy(labels: tf.Tensor1D, logits: tf.Tensor2D) { const m = logits.max(1, true); " +
  "const lse = logits.sub(m).exp().sum(1).log().add(m.squeeze([1])); " +
  "return lse.sub(tf.oneHot(labels.toInt(), logits.shape[1]).mul(logits).sum(1)).mean(); }";

test.describe("a graded exercise", () => {
  test.describe.configure({ timeout: 120_000 });
  test.skip(({ isMobile }) => isMobile, "exercise journeys run on the desktop project");

  test("wrong answer, Check, partial grade, fix, full marks; all of it still there after a reload and on the course page", async ({ page }) => {
    await page.goto(LESSON);
    const section = exercise(page);
    // The first request to a server that has just started, on a machine busy with the other journeys, may take seconds.
    await expect(section.getByTestId("exercise-score")).toHaveText("Not submitted yet.", { timeout: 20_000 });

    await setCellCode(page, section.locator(".cell"), WRONG);
    await section.getByRole("button", { name: "Check" }).click();
    const check = section.getByRole("region", { name: "Check results" });
    await expect(check).toContainText("1 of 2 public tests pass", { timeout: 60_000 });
    await expect(check).toContainText("(feedback only, not a grade)");
    await expect(check).toContainText("value is 4, expected 1.33333");

    await section.getByRole("button", { name: "Submit for grading" }).click();
    const grade = section.getByRole("region", { name: "Server grade" });
    await expect(grade).toContainText("Graded by the server: 6/9", { timeout: 30_000 });
    await expect(grade).toContainText("Hidden test: mse of a batch is one number");
    // A hidden test says that it failed, never on what: its inputs and expected values stay on the server.
    await expect(grade).toContainText("this hidden test failed (hidden tests do not show their inputs or values)");
    await expect(grade).not.toContainText("1.25");
    await expect(section.getByTestId("exercise-score")).toHaveText("Best score 6/9 · 1 attempt");
    await expectNoSeriousAxeViolations(page);

    await setCellCode(page, section.locator(".cell"), RIGHT);
    await section.getByRole("button", { name: "Submit for grading" }).click();
    await expect(grade).toContainText("Graded by the server: 9/9 · All tests passed", { timeout: 30_000 });
    await expect(section.getByTestId("exercise-score")).toHaveText("Best score 9/9 · 2 attempts · Passed");

    // The lesson is complete once its other exercise is passed too.
    const second = page.locator('section[data-exercise-id="cross-entropy-from-logits"]');
    await setCellCode(page, second.locator(".cell"), FROM_LOGITS);
    await second.getByRole("button", { name: "Submit for grading" }).click();
    const secondGrade = second.getByRole("region", { name: "Server grade" });
    await expect(secondGrade).toContainText("All tests passed", { timeout: 30_000 });
    await expect(secondGrade).toContainText("Lesson complete");

    // The draft is on the server, not only in this browser: clear the browser's copy and reload.
    await expect
      .poll(async () => ((await (await page.request.get("/api/exercises/losses")).json()) as { state: { draft?: { code: string } } }).state.draft?.code)
      .toContain(".square().mean()");
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(section.getByTestId("exercise-score")).toHaveText("Best score 9/9 · 2 attempts · Passed");
    await expect(section.locator(".cell-static")).toContainText(".square().mean()");
    await expect(section.getByRole("region", { name: "Server grade" })).toContainText("9/9");

    await page.goto("/");
    const lesson = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Loss functions: MSE and cross-entropy" }) });
    await expect(lesson.getByTestId("lesson-progress")).toHaveText(" · Complete");
    const otherLesson = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Gradient descent", exact: true }) });
    await expect(otherLesson.getByTestId("lesson-progress")).toHaveText(" · 0 of 2 graded exercises passed");
    const lossModule = page.locator(".module-card").filter({ has: page.getByRole("link", { name: "Loss functions", exact: true }) });
    await expect(lossModule.getByTestId("module-progress")).toHaveText("1 of 1 lesson complete");
  });

  test("hints open one at a time, and the solution opens to an account after the author's number of real attempts", async ({ page }) => {
    await page.goto(LESSON);
    const section = exercise(page);
    const hints = section.getByRole("list", { name: "Hints" });
    await expect(hints.getByRole("listitem")).toHaveCount(0);
    await section.getByRole("button", { name: "Show hint 1 of 3" }).click();
    await expect(hints.getByRole("listitem")).toHaveCount(1);
    await section.getByRole("button", { name: "Show hint 2 of 3" }).click();
    await expect(hints.getByRole("listitem")).toHaveCount(2);

    // Anonymous attempts could be reset with a fresh cookie, so the solution asks for an account.
    await expect(section).toContainText("Sign in to reveal the solution after 3 graded attempts; passing every test opens it too.");
    await section.getByRole("link", { name: "Sign in" }).click();
    const signUp = page.getByRole("region", { name: "Create an account" });
    await signUp.getByLabel("Email").fill(`reveal-${Date.now()}@example.test`);
    await signUp.getByLabel(/Password/).fill("correct horse battery");
    await signUp.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("signed-in")).toBeVisible();

    await page.goto(LESSON);
    const score = section.getByTestId("exercise-score");
    await expect(section).toContainText("The solution can be revealed after 3 graded attempts (3 to go)");
    // The starter code, submitted as it is, is graded but is not an attempt.
    await section.getByRole("button", { name: "Submit for grading" }).click();
    await expect(score).toContainText("1 attempt", { timeout: 30_000 });
    await expect(section).toContainText("(3 to go)");
    for (let attempt = 1; attempt <= 3; attempt++) {
      await setCellCode(page, section.locator(".cell"), WRONG.replace(".square().sum()", `.square().sum().mul(${attempt + 1})`));
      await section.getByRole("button", { name: "Submit for grading" }).click();
      await expect(score).toContainText(`${attempt + 1} attempts`, { timeout: 30_000 });
    }
    await section.getByRole("button", { name: /Reveal the solution/ }).click();
    await expect(section.getByRole("heading", { name: "Reference solution" })).toBeVisible();
    await expect(section.locator(".exercise-solution pre")).toContainText("clipByValue");
  });
});
