import { expect, expectNoSeriousAxeViolations, test } from "./fixtures";

test.describe("the course page", () => {
  test("lists every module and its lessons in course order", async ({ page, course }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    const moduleHeadings = page.locator(".module-card h2 a");
    await expect(moduleHeadings).toHaveText(course.modules.map((m) => m.title));
    for (const [index, module] of course.modules.entries()) {
      const card = page.locator(".module-card").nth(index);
      await expect(card.locator(".lesson-list a")).toHaveText(module.lessons.map((l) => l.title));
    }
    // Orders are ascending, so the page follows the authors' `order`, not file names.
    const orders = course.modules.map((m) => m.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  test("starts the learner on the first lesson", async ({ page, course }) => {
    await page.goto("/");
    await page.getByRole("link", { name: /^Start with/ }).click();
    await expect(page).toHaveURL(course.lessons[0]!.href);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(course.lessons[0]!.title);
  });

  test("has no serious accessibility violations, in light and dark mode", async ({ page }) => {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto("/");
      await expectNoSeriousAxeViolations(page);
    }
  });

  test("answers an unknown address with a 404 page that links home", async ({ page, pageProblems }) => {
    const response = await page.goto("/learn/no-such-module/no-such-lesson");
    expect(response?.status()).toBe(404);
    // That 404 is the point of this test; any other failure still fails it.
    pageProblems.splice(pageProblems.indexOf(`HTTP 404: ${response?.url()}`), 1);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});
