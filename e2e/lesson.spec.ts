import path from "node:path";
import { readCourse } from "@/lib/content/course";
import { COLOUR_RULES, expect, expectNoSeriousAxeViolations, LAYOUT_RULES, test } from "./fixtures";

const { course: { lessons } } = await readCourse(path.resolve("content"));

test.describe("a lesson page", () => {
  test("shows inline and display math typeset on the server as HTML and MathML", async ({ page, course }) => {
    await page.goto(course.lessons[0]!.href);
    const inline = page.locator(".prose p .katex").first();
    const display = page.locator(".prose .katex-display .katex").first();
    await expect(inline.locator("math")).toHaveCount(1);
    await expect(inline.locator(".katex-html")).toBeVisible();
    await expect(display.locator('math[display="block"]')).toHaveCount(1);
    await expect(display.locator(".katex-html")).toBeVisible();
    // KaTeX's fonts come from this site.
    const fontLoaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts].some((font) => font.family.includes("KaTeX") && font.status === "loaded");
    });
    expect(fontLoaded).toBe(true);
  });

  test("reads without JavaScript: math, highlighted code and navigation are in the HTML", async ({ browser, course, baseURL }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto(course.lessons[1]!.href);
    await expect(page.locator(".katex math").first()).toBeAttached();
    await expect(page.locator("pre.shiki").first()).toBeVisible();
    await page.getByRole("link", { name: /Next/ }).click();
    await expect(page).toHaveURL(course.lessons[2]!.href);
    await context.close();
  });

  test("wraps long lines of code instead of hiding them off to the side", async ({ page }) => {
    // The update-rule lesson has lines longer than a phone's, or even a desktop's, code block.
    await page.goto("/learn/gradient-descent/the-update-rule");
    const code = page.locator(".prose pre.shiki");
    expect(await code.count()).toBeGreaterThan(3);
    const overflowing = await code.evaluateAll((blocks) => blocks.filter((block) => block.scrollWidth > block.clientWidth + 1).length);
    expect(overflowing).toBe(0);
  });

  test("has a table of contents whose links reach their sections", async ({ page, course }) => {
    await page.goto(course.lessons[0]!.href);
    const toc = page.getByRole("navigation", { name: "On this page" });
    const links = toc.getByRole("link");
    expect(await links.count()).toBeGreaterThan(3);
    const last = links.last();
    const target = (await last.getAttribute("href"))!;
    await last.click();
    await expect(page).toHaveURL(new RegExp(`${target}$`));
    await expect(page.locator(target)).toBeInViewport();
  });

  test("shows the frontmatter: title, summary, time and objectives", async ({ page, course }) => {
    const lesson = course.lessons[1]!;
    await page.goto(lesson.href);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(lesson.title);
    await expect(page.getByText(lesson.summary)).toBeVisible();
    await expect(page.getByText(`About ${lesson.minutes} minutes`)).toBeVisible();
    await expect(page.getByRole("region", { name: "You will be able to" }).getByRole("listitem")).toHaveText(lesson.objectives);
  });

  // One test per lesson, so that each has its own time limit and the two workers share them out.
  // axe walks every node of KaTeX's markup: a few seconds for most pages, nearly a minute for the most
  // formula-heavy lessons on this machine (backpropagation through time), more while the other worker is busy.
  for (const lesson of lessons) {
    test(`${lesson.href} has no serious accessibility violations, in light and dark mode`, async ({ page, isMobile }) => {
      test.setTimeout(150_000);
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto(lesson.href);
      // A phone shows the same markup in another layout: the desktop project runs every rule, the phone the rules
      // that read the layout (the course and module pages get a full scan on the phone too).
      await expectNoSeriousAxeViolations(page, isMobile ? LAYOUT_RULES : undefined);
      if (isMobile) return;
      // Only colours change with the scheme, and the page follows it without a reload.
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const light = await background();
      await page.emulateMedia({ colorScheme: "dark" });
      await expect.poll(background).not.toBe(light);
      await expectNoSeriousAxeViolations(page, COLOUR_RULES);
    });
  }
});
