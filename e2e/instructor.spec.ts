import { execFileSync } from "node:child_process";
import { expect, expectNoSeriousAxeViolations, setCellCode, test } from "./fixtures";

/** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  for (const match of text.matchAll(/("(?:[^"]|"")*"|[^,\n]*)(,|\n|$)/g)) {
    if (match.index === text.length) break;
    const [, raw = "", separator] = match;
    rows.at(-1)!.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
    if (separator === "\n") rows.push([]);
  }
  return rows.filter((row) => row.length > 1);
}

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

  test("sets an assignment, follows a student's work and downloads the gradebook", async ({ page, browser }) => {
    // A student signs up and submits a partly wrong answer.
    const stamp = Date.now();
    const student = { name: `Grace ${stamp}`, email: `grace-${stamp}@example.test` };
    await page.goto("/account");
    const signUp = page.getByRole("region", { name: "Create an account" });
    await signUp.getByLabel("Name").fill(student.name);
    await signUp.getByLabel("Email").fill(student.email);
    await signUp.getByLabel(/Password/).fill("student password 1");
    await signUp.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("signed-in")).toBeVisible();
    await page.goto("/learn/convolution/convolution-2d");
    const section = page.locator('section[data-exercise-id="conv-output-size"]');
    await setCellCode(page, section.locator(".cell"), "function outputSize(n, k, s, p) { return Math.floor((n + 2 * p - k) / s) + 1; }");
    await section.getByRole("button", { name: "Submit for grading" }).click();
    await expect(section.getByTestId("exercise-score")).toContainText("Best score 4/8", { timeout: 30_000 });

    const teacher = await browser.newContext();
    try {
      const desk = await teacher.newPage();
      // Not signed in yet: a real 401, and the way to sign in.
      expect((await desk.goto("/instructor"))?.status()).toBe(401);
      await desk.getByRole("main").getByRole("link", { name: "Sign in" }).click();
      await expect(desk).toHaveURL(/\/account$/);
      const signIn = desk.getByRole("region", { name: "Sign in" });
      await signIn.getByLabel("Email").fill(INSTRUCTOR.email);
      await signIn.getByLabel("Password").fill(INSTRUCTOR.password);
      await signIn.getByRole("button", { name: "Sign in" }).click();
      await desk.getByRole("link", { name: "Open the roster" }).click();

      // An assignment with the convolution exercise, due in a week, 10% off per day late.
      const title = `Convolution week ${stamp}`;
      await desk.getByRole("navigation", { name: "Instructor" }).getByRole("link", { name: "Assignments" }).click();
      const form = desk.getByRole("region", { name: "New assignment" });
      const local = (days: number) => {
        const date = new Date(Date.now() + days * 86_400_000);
        return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      };
      await form.getByLabel("Title").fill(title);
      await form.getByLabel("Opens", { exact: true }).fill(local(-1));
      await form.getByLabel("Due", { exact: true }).fill(local(7));
      await form.getByLabel("Penalty per day late").fill("10");
      await form.getByLabel(/Output sizes and "same" convolution/).check();
      await expectNoSeriousAxeViolations(desk);
      await form.getByRole("button", { name: "Create assignment" }).click();
      const assignmentRow = desk.getByRole("row").filter({ hasText: title });
      await expect(assignmentRow).toContainText("late work loses 10% per day");
      await expect(assignmentRow).toContainText("Open");

      // The roster: the student's exercise score and assignment credit.
      await desk.getByRole("navigation", { name: "Instructor" }).getByRole("link", { name: "Roster" }).click();
      await desk.getByLabel("Filter by name or email").fill(student.email);
      await desk.getByRole("button", { name: "Filter" }).click();
      // Filter is a GET form: read the table only once the filtered page has replaced the roster.
      await expect(desk).toHaveURL(/[?&]q=/);
      const table = desk.getByRole("table");
      await expect(table.getByRole("row").filter({ hasText: student.name })).toBeVisible();
      const header = await table.locator("thead th").allInnerTexts();
      const cells = await table.getByRole("row").filter({ hasText: student.name }).locator("th, td").allInnerTexts();
      const column = (name: string | RegExp) => header.findIndex((h) => (typeof name === "string" ? h.includes(name) : name.test(h)));
      expect(cells[column('Output sizes and "same" convolution (/8)')]).toBe("4");
      expect(cells[column(`assignment: ${title} (/8)`)]).toBe("4");
      await expectNoSeriousAxeViolations(desk);

      // The exercise's statistics and where students fail.
      await desk.getByRole("navigation", { name: "Instructor" }).getByRole("link", { name: "Exercises" }).click();
      await desk.getByRole("link", { name: 'Output sizes and "same" convolution' }).click();
      await expect(desk.getByTestId("exercise-stats")).toContainText(/Students\s*[1-9]/);
      await expect(desk.getByRole("table", { name: /Failed tests grouped/ })).toBeVisible();
      await expectNoSeriousAxeViolations(desk);

      // The student's page: the submission with its code and per-test results.
      await desk.goto(`/instructor?q=${encodeURIComponent(student.email)}`);
      await desk.getByRole("link", { name: student.name }).click();
      await expect(desk.getByRole("heading", { level: 1 })).toHaveText(student.name);
      const submission = desk.getByTestId("history-submission").first();
      await submission.locator("summary").first().click();
      await expect(submission.getByLabel("Submitted code")).toContainText("Math.floor((n + 2 * p - k) / s) + 1");
      await expect(submission.getByRole("list", { name: "Test results of this submission" }).getByTestId("test-result").first()).toBeVisible();
      await expectNoSeriousAxeViolations(desk);

      // The CSV: the roster's columns, the student's row.
      const csv = parseCsv(await (await desk.request.get("/api/instructor/gradebook")).text());
      const [csvHeader, ...rows] = csv;
      expect(csvHeader!.slice(0, 3)).toEqual(["student", "email", "last activity"]);
      const row = rows.find((r) => r[1] === student.email)!;
      expect(row[0]).toBe(student.name);
      expect(row[csvHeader!.indexOf('Output sizes and "same" convolution (/8)')]).toBe("4");
      expect(row[csvHeader!.indexOf(`assignment: ${title} (/8)`)]).toBe("4");
    } finally {
      await teacher.close();
    }

    // The student sees the assignment, when it is due and where they stand.
    await page.getByRole("link", { name: "Assignments" }).click();
    const assignment = page.getByTestId("assignment").filter({ hasText: `Convolution week ${stamp}` });
    await expect(assignment).toContainText("Open");
    await expect(assignment.getByTestId("assignment-grade")).toHaveText("Your grade: 4 of 8 points");
    await expect(assignment).toContainText('Output sizes and "same" convolution — best score 4/8');
    await expectNoSeriousAxeViolations(page);
  });
});

/** Every instructor page (app/(instructor)/instructor/), with made-up ids where the page takes one. */
const INSTRUCTOR_PAGES = [
  "/instructor",
  "/instructor/exercises",
  "/instructor/exercises/losses",
  "/instructor/assignments",
  "/instructor/assignments/any",
  "/instructor/students/any",
];

test.describe("instructor pages", () => {
  test.describe.configure({ timeout: 120_000 });
  test.skip(({ isMobile }) => isMobile, "instructor journeys run on the desktop project");
  // The refusals below are the point of the test, and each is checked.
  test.use({ expectedStatuses: [401, 403] });

  test("answer 401 to anonymous visitors and 403 to students, with a page that says why", async ({ page, request }) => {
    expect((await request.get("/api/instructor/gradebook")).status()).toBe(401);
    for (const path of INSTRUCTOR_PAGES) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(401);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to see this page");
      await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/account");
      await expect(page.getByRole("navigation", { name: "Instructor" })).toHaveCount(0);
      await expect(page.getByRole("table")).toHaveCount(0);
    }
    await expectNoSeriousAxeViolations(page);

    await page.goto("/account");
    const signUp = page.getByRole("region", { name: "Create an account" });
    await signUp.getByLabel("Email").fill(`student-${Date.now()}@example.test`);
    await signUp.getByLabel(/Password/).fill("student password 1");
    await signUp.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("signed-in")).toBeVisible();
    const asStudent = await page.request.get("/api/instructor/gradebook");
    expect(asStudent.status()).toBe(403);
    expect(await asStudent.text()).not.toContain("anonymous");
    for (const path of INSTRUCTOR_PAGES) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("This area is for instructors");
      await expect(page.getByRole("navigation", { name: "Instructor" })).toHaveCount(0);
      await expect(page.getByRole("table")).toHaveCount(0);
    }
    await expectNoSeriousAxeViolations(page);
  });
});
