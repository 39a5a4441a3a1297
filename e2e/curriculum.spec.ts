import { expect, test } from "./fixtures";

/** Every lesson of the course, as a learner first meets it: math typeset, and the first cell runs cleanly. */
test.describe("every lesson", () => {
  test.describe.configure({ timeout: 120_000 });
  test.skip(({ isMobile }) => isMobile, "kernel journeys run on the desktop project");

  test("renders its math and runs its first cell without an error", async ({ page, course }) => {
    for (const lesson of course.lessons) {
      await test.step(lesson.href, async () => {
        await page.goto(lesson.href);
        await expect(page.locator(".prose .katex math").first()).toBeAttached();
        await expect(page.locator(".prose .katex .katex-html").first()).toBeVisible();
        const first = page.locator(".cell").first();
        await first.getByRole("button", { name: /^Run cell/ }).click();
        await expect(first.getByTestId("count")).toHaveText(/\[\d+\]/, { timeout: 60_000 });
        await expect(first.locator(".cell-outputs .output").first()).toBeVisible();
        await expect(first.locator(".output-error")).toHaveCount(0);
      });
    }
  });
});
