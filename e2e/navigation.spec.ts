import { expect, expectNoSeriousAxeViolations, test } from "./fixtures";

test.describe("moving through the course", () => {
  test("next links walk every lesson in order, across modules, and previous links walk back", async ({ page, course }) => {
    // Two page loads for every lesson of the course (19 lessons, some with long formula-heavy pages): on a busy
    // two-core machine that takes minutes, so the limit grows with the course: 12 s per lesson, at least 90 s.
    test.setTimeout(Math.max(90_000, course.lessons.length * 12_000));
    await page.goto(course.lessons[0]!.href);
    for (const lesson of course.lessons.slice(1)) {
      await page.getByRole("navigation", { name: "Previous and next lesson" }).getByRole("link", { name: /Next/ }).click();
      await expect(page).toHaveURL(lesson.href);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lesson.title);
    }
    for (const lesson of course.lessons.slice(0, -1).reverse()) {
      await page.getByRole("navigation", { name: "Previous and next lesson" }).getByRole("link", { name: /Previous/ }).click();
      await expect(page).toHaveURL(lesson.href);
    }
  });

  test("the sidebar lists the course and marks the current lesson", async ({ page, course }) => {
    const last = course.lessons.at(-1)!;
    await page.goto(course.lessons[0]!.href);
    const sidebar = page.getByRole("navigation", { name: "Course" });
    const linkTo = (href: string) => sidebar.locator(`a[href="${href}"]`);
    await expect(sidebar.getByRole("link")).toHaveCount(course.modules.length + course.lessons.length);
    await expect(linkTo(course.lessons[0]!.href)).toHaveAttribute("aria-current", "page");
    await linkTo(last.href).click();
    await expect(page).toHaveURL(last.href);
    await expect(linkTo(last.href)).toHaveAttribute("aria-current", "page");
    await expect(linkTo(course.lessons[0]!.href)).not.toHaveAttribute("aria-current");
  });

  test("a module page lists its lessons and links back to the course", async ({ page, course }) => {
    const firstModule = course.modules[0]!;
    await page.goto(firstModule.href);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstModule.title);
    await expect(page.locator("main .lesson-list a")).toHaveText(firstModule.lessons.map((l) => l.title));
    await expectNoSeriousAxeViolations(page);
  });

  test("the keyboard reaches the content first through the skip link", async ({ page, course }) => {
    await page.goto(course.lessons[0]!.href);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
  });
});
