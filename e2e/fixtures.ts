import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { readCourse, type Course } from "@/lib/content/course";
import { kernelPlacement } from "@/lib/kernel-placement";

/** Where a page of `siteOrigin` runs its kernel, with the e2e servers' settings: the next port (server.ts). */
export function kernelOriginOf(siteOrigin: string): string | undefined {
  const placement = kernelPlacement(siteOrigin, { kernelPort: Number(new URL(siteOrigin).port) + 1 });
  return placement.kind === "origin" ? placement.origin : undefined;
}

/**
 * Every test gets a page that fails the test on any console error, uncaught
 * exception or request to another host than the site and its kernel's origin:
 * the site must work offline, behind a school's firewall. An HTTP error is a problem too, unless the test expects
 * its status (`test.use({ expectedStatuses: [401, 403] })`) and checks it.
 */
export const test = base.extend<{ pageProblems: string[]; course: Course; expectedStatuses: number[]; calibrated: boolean; seedCalibration: void }>({
  expectedStatuses: [[], { option: true }],
  /**
   * Whether the browser starts out calibrated, as a returning learner's is: an idle notebook in an uncalibrated one
   * calibrates in a second kernel (lib/notebook/background-calibration.ts), seconds of work beside the journey under
   * test. The calibration journey turns this off.
   */
  calibrated: [true, { option: true }],
  seedCalibration: [
    async ({ context, calibrated }, use) => {
      if (calibrated) {
        // What this machine's calibration finds: WASM for small dense models, WebGL where WASM cannot train.
        await context.addInitScript(() => {
          if (window.top !== window) return;
          const step = (backend: string) => ({ backend, millisecondsPerStep: { [backend]: 1 } });
          const calibration = { dense: step("wasm"), conv: step("webgl"), sequence: step("webgl") };
          localStorage.setItem("descent:calibration", JSON.stringify({ calibration, at: Date.now(), userAgent: navigator.userAgent }));
        });
      }
      await use();
    },
    { auto: true },
  ],
  pageProblems: [
    async ({ page, baseURL, expectedStatuses }, use) => {
      const problems: string[] = [];
      const origin = new URL(baseURL!).origin;
      const kernelOrigin = kernelOriginOf(origin);
      page.on("console", (message) => {
        // Failed loads are reported below with their URL, which says more.
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
          problems.push(`console error: ${message.text()}`);
        }
      });
      page.on("response", (response) => {
        if (response.status() >= 400 && !expectedStatuses.includes(response.status())) problems.push(`HTTP ${response.status()}: ${response.url()}`);
      });
      page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
      page.on("request", (request) => {
        const url = request.url();
        // data: and blob: URLs are made in the browser (the kernel starts its worker from a blob).
        const reached = /^(data|blob):/.test(url) ? undefined : new URL(url).origin;
        if (reached && reached !== origin && reached !== kernelOrigin) problems.push(`request left the site: ${url}`);
      });
      await use(problems);
      expect(problems, "the page logged errors or reached another host").toEqual([]);
    },
    { auto: true },
  ],
  course: async ({}, use) => {
    const { course, problems } = await readCourse(path.resolve("content"));
    expect(problems).toEqual([]);
    await use(course);
  },
});

export { expect };

/** The axe rules that read colours: all that can change between light and dark mode. */
export const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
/** The axe rules whose outcome depends on the viewport: overflowing regions, touch targets, zoom. */
export const LAYOUT_RULES = ["scrollable-region-focusable", "target-size", "meta-viewport", "meta-viewport-large"];

/** Fails on serious or critical axe violations (of `rules` only, when given), listing each with the elements involved. */
export async function expectNoSeriousAxeViolations(page: Page, rules?: string[]) {
  // After a client-side navigation Next.js sets the new page's <title> a moment after its content: a page checked in
  // that moment has none. Wait for it (a page that never gets one still fails, here).
  await expect(page, "the page has a title").toHaveTitle(/\S/);
  // The kernel's frames show nothing (aria-hidden) and come and go (a restart, a calibration): not part of the page's UI.
  const builder = new AxeBuilder({ page }).exclude(".kernel-frame");
  if (rules) builder.withRules(rules);
  const results = await builder.analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
}

/** Replaces a cell's code through the editor, as a learner would (select all, then type). */
export async function setCellCode(page: Page, cell: Locator, code: string) {
  // Monaco marks itself .focused (its input may be a textarea or an EditContext element).
  // Click again until it is: a suggestion list left open from earlier typing takes the click
  // (Escape closes it), and on a loaded machine a late layout can swallow the first click.
  await expect(async () => {
    if (await cell.locator(".suggest-widget.visible").count()) await page.keyboard.press("Escape");
    await cell.locator(".cell-code").click();
    await expect(cell.locator(".monaco-editor")).toHaveClass(/\bfocused\b/, { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

export type Credentials = { email: string; password: string };

/** Instructors are made from the command line only, against the e2e server's database. */
export function createInstructor(account: Credentials) {
  execFileSync("npm", ["run", "--silent", "user:create", "--", "--email", account.email, "--password", account.password, "--role", "instructor"], {
    env: { ...process.env, DATABASE_URL: "file:./data/e2e.db" },
    stdio: "pipe",
  });
}

/** Signs in through the account page, as a person would. */
export async function signIn(page: Page, account: Credentials) {
  await page.goto("/account");
  const form = page.getByRole("region", { name: "Sign in" });
  await form.getByLabel("Email").fill(account.email);
  await form.getByLabel("Password").fill(account.password);
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in")).toBeVisible();
}
