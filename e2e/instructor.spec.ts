import { execFileSync } from "node:child_process";
import { expect, expectNoSeriousAxeViolations, setCellCode, test } from "./fixtures";

const INSTRUCTOR = { email: "teacher@school.example", password: "a long enough password" };

test.describe("the instructor", () => {
  test.describe.configure({ timeout: 120_000 });
  test.skip(({ isMobile }) => isMobile, "instructor journeys run on the desktop project");

  test.beforeAll(() => {
    // Instructors are made from the command line only, against the e2e server's database.
    execFileSync("npm", ["run", "--silent", "user:create", "--", "--email", INSTRUCTOR.email, "--password", INSTRUCTOR.password, "--role", "instructor"], {
      env: { ...process.env, DATABASE_URL: "file:./data/e2e.db" },
      stdio: "pipe",
    });
  });

  test("sees a student's score on the roster and downloads the gradebook", async ({ page, browser }) => {
    // A student submits a partly wrong answer.
    await page.goto("/learn/convolution/convolution-2d");
    const section = page.locator('section[data-exercise-id="conv-output-size"]');
    await setCellCode(page, section.locator(".cell"), "function outputSize(n, k, s, p) { return Math.floor((n + 2 * p - k) / s) + 1; }");
    await section.getByRole("button", { name: "Submit for grading" }).click();
    await expect(section.getByTestId("exercise-score")).toContainText("Best score 4/8", { timeout: 30_000 });

    const teacher = await browser.newContext();
    try {
      const roster = await teacher.newPage();
      await roster.goto("/instructor");
      await expect(roster.getByRole("main").getByRole("alert")).toHaveText("Sign in as an instructor to see this.");
      await roster.goto("/account");
      const signIn = roster.getByRole("region", { name: "Sign in" });
      await signIn.getByLabel("Email").fill(INSTRUCTOR.email);
      await signIn.getByLabel("Password").fill(INSTRUCTOR.password);
      await signIn.getByRole("button", { name: "Sign in" }).click();
      await roster.getByRole("link", { name: "Open the roster" }).click();
      const table = roster.getByRole("table");
      await expect(table).toContainText('Output sizes and "same" convolution');
      await expect(table.getByRole("row").filter({ hasText: "4/8" }).first()).toBeVisible();
      await expectNoSeriousAxeViolations(roster);

      const csv = await (await roster.request.get("/api/instructor/gradebook")).text();
      const [header, ...rows] = csv.trim().split("\n");
      expect(header).toBe("student,email,last activity,losses,linear-regression,conv-output-size,total,lessons completed");
      expect(rows.some((row) => /^anonymous [0-9a-f]{8},,[^,]+,,,4,4,0$/.test(row))).toBe(true);
    } finally {
      await teacher.close();
    }
  });

  test("the gradebook refuses anonymous visitors (401) and students (403)", async ({ page, request }) => {
    expect((await request.get("/api/instructor/gradebook")).status()).toBe(401);
    await page.goto("/account");
    const signUp = page.getByRole("region", { name: "Create an account" });
    await signUp.getByLabel("Email").fill(`student-${Date.now()}@example.test`);
    await signUp.getByLabel(/Password/).fill("student password 1");
    await signUp.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("signed-in")).toBeVisible();
    const asStudent = await page.request.get("/api/instructor/gradebook");
    expect(asStudent.status()).toBe(403);
    expect(await asStudent.text()).not.toContain("anonymous");
  });
});
