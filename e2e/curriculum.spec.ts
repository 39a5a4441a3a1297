import path from "node:path";
import { readCourse } from "@/lib/content/course";
import { expect, test } from "./fixtures";

// One test per lesson, so that each has its own time limit and the two workers share them out.
const { course } = await readCourse(path.resolve("content"));

/** Every lesson of the course, as a learner first meets it: math typeset, and the first cell runs cleanly. */
test.describe("every lesson", () => {
  test.describe.configure({ timeout: 90_000 });
  test.skip(({ isMobile }) => isMobile, "kernel journeys run on the desktop project");

  for (const lesson of course.lessons) {
    test(`${lesson.href} renders its math and runs its first cell without an error`, async ({ page }) => {
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
