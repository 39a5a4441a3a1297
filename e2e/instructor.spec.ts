import type { Page } from "@playwright/test";
import { createInstructor, expect, expectNoSeriousAxeViolations, setCellCode, signIn, test } from "./fixtures";

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
const OTHER_INSTRUCTOR = { email: "other-teacher@school.example", password: "another long password" };

async function createClass(desk: Page, name: string): Promise<{ url: string; joinLink: string }> {
  await desk.goto("/instructor");
  const form = desk.getByRole("region", { name: "New class" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Term (optional)").fill("Spring 2027");
  await form.getByRole("button", { name: "Create class" }).click();
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("People and joining");
  await expect(desk.getByTestId("class-banner")).toHaveText(`${name} · Spring 2027`);
  const joinLink = await desk.getByTestId("join-link").getAttribute("href");
  return { url: desk.url().replace(/\/people$/, ""), joinLink: joinLink! };
}

test.describe("the instructor", () => {
  test.describe.configure({ timeout: 150_000 });
  test.skip(({ isMobile }) => isMobile, "instructor journeys run on the desktop project");

  test.beforeAll(() => {
    createInstructor(INSTRUCTOR);
    createInstructor(OTHER_INSTRUCTOR);
  });

  test("runs two classes: a student joins one by its link, and its roster, assignments, statistics and CSV are that class's alone", async ({ page, browser }) => {
    const stamp = Date.now();
    const teacher = await browser.newContext();
    const other = await browser.newContext();
    try {
      const desk = await teacher.newPage();
      // Not signed in yet: a real 401, and the way to sign in.
      expect((await desk.goto("/instructor"))?.status()).toBe(401);
      await desk.getByRole("main").getByRole("link", { name: "Sign in" }).click();
      await expect(desk).toHaveURL(/\/account$/);
      await signIn(desk, INSTRUCTOR);
      await desk.getByRole("link", { name: "Open your classes as instructor" }).click();
      await expect(desk.getByRole("heading", { level: 1 })).toHaveText("Your classes");
      const classB = await createClass(desk, `Convolution B ${stamp}`);
      const classA = await createClass(desk, `Convolution A ${stamp}`);
      await expectNoSeriousAxeViolations(desk);

      // An anonymous learner submits a partly wrong answer, then follows class A's join link and is asked to sign up there.
      const student = { name: `Grace ${stamp}`, email: `grace-${stamp}@example.test` };
      await page.goto("/learn/convolution/convolution-2d");
      const section = page.locator('section[data-exercise-id="conv-output-size"]');
      await setCellCode(page, section.locator(".cell"), "function outputSize(n, k, s, p) { return Math.floor((n + 2 * p - k) / s) + 1; }");
      await section.getByRole("button", { name: "Submit for grading" }).click();
      await expect(section.getByTestId("exercise-score")).toContainText("Best score 4/8", { timeout: 30_000 });
      await page.goto(classA.joinLink);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Join Convolution A ${stamp} (Spring 2027)`);
      const signUp = page.getByRole("region", { name: "Create an account" });
      await signUp.getByLabel("Name").fill(student.name);
      await signUp.getByLabel("Email").fill(student.email);
      await signUp.getByLabel(/Password/).fill("student password 1");
      await signUp.getByRole("button", { name: "Create account" }).click();
      await page.getByRole("button", { name: `Join Convolution A ${stamp} (Spring 2027)` }).click();
      await expect(page.getByTestId("joined")).toContainText("You are in this class");
      await expectNoSeriousAxeViolations(page);

      // An assignment in class A with the convolution exercise, due in a week, 10% off per day late.
      const title = `Convolution week ${stamp}`;
      await desk.goto(`${classA.url}/assignments`);
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

      // Class A's roster: the student's anonymous work came with them, with the assignment's credit.
      await desk.getByRole("navigation", { name: "Instructor" }).getByRole("link", { name: "Roster" }).click();
      const table = desk.getByRole("table");
      await expect(table.getByRole("row").filter({ hasText: student.name })).toBeVisible();
      const header = await table.locator("thead th").allInnerTexts();
      const cells = await table.getByRole("row").filter({ hasText: student.name }).locator("th, td").allInnerTexts();
      const column = (name: string | RegExp) => header.findIndex((h) => (typeof name === "string" ? h.includes(name) : name.test(h)));
      expect(cells[column('Output sizes and "same" convolution (/8)')]).toBe("4");
      expect(cells[column(`assignment: ${title} (/8)`)]).toBe("4");
      await expectNoSeriousAxeViolations(desk);

      // Class B, side by side: not this student, not this assignment.
      await desk.goto(classB.url);
      await expect(desk.getByRole("region", { name: "Roster table" })).toContainText("0 students");
      await expect(desk.getByRole("row").filter({ hasText: student.name })).toHaveCount(0);
      await desk.goto(`${classB.url}/assignments`);
      await expect(desk.getByText("No assignments yet.")).toBeVisible();

      // Class A's exercise statistics and where its students fail.
      await desk.goto(classA.url);
      await desk.getByRole("navigation", { name: "Instructor" }).getByRole("link", { name: "Exercises" }).click();
      await desk.getByRole("link", { name: 'Output sizes and "same" convolution' }).click();
      await expect(desk.getByTestId("exercise-stats")).toContainText(/Students\s*1\s*Attempts/);
      await expect(desk.getByRole("table", { name: /Failed tests grouped/ })).toBeVisible();
      await expectNoSeriousAxeViolations(desk);

      // The student's page: the submission with its code and per-test results.
      await desk.goto(classA.url);
      await desk.getByRole("link", { name: student.name }).click();
      await expect(desk.getByRole("heading", { level: 1 })).toHaveText(student.name);
      const submission = desk.getByTestId("history-submission").first();
      await submission.locator("summary").first().click();
      await expect(submission.getByLabel("Submitted code")).toContainText("Math.floor((n + 2 * p - k) / s) + 1");
      await expect(submission.getByRole("list", { name: "Test results of this submission" }).getByTestId("test-result").first()).toBeVisible();
      await expectNoSeriousAxeViolations(desk);

      // The CSV: the roster's columns, the student's row; class B's has no such row.
      const classApi = (url: string) => url.replace("/instructor/classes/", "/api/instructor/classes/");
      const csv = parseCsv(await (await desk.request.get(`${classApi(classA.url)}/gradebook`)).text());
      const [csvHeader, ...rows] = csv;
      expect(csvHeader!.slice(0, 3)).toEqual(["student", "email", "last activity"]);
      const row = rows.find((r) => r[1] === student.email)!;
      expect(row[0]).toBe(student.name);
      expect(row[csvHeader!.indexOf('Output sizes and "same" convolution (/8)')]).toBe("4");
      expect(row[csvHeader!.indexOf(`assignment: ${title} (/8)`)]).toBe("4");
      expect(await (await desk.request.get(`${classApi(classB.url)}/gradebook`)).text()).not.toContain(student.email);

      // Another instructor: class A is a 404 to them, page and CSV alike.
      const otherDesk = await other.newPage();
      await signIn(otherDesk, OTHER_INSTRUCTOR);
      expect((await otherDesk.goto(classA.url))?.status()).toBe(404);
      await expect(otherDesk.getByRole("table")).toHaveCount(0);
      expect((await otherDesk.request.get(`${classApi(classA.url)}/gradebook`)).status()).toBe(404);

      // A new code: the old link stops at once, with a page that says what to do.
      await desk.goto(`${classA.url}/people`);
      await expect(desk.getByRole("region", { name: "People in this class" }).getByRole("row").filter({ hasText: student.email })).toContainText("student");
      await desk.getByRole("button", { name: "Make a new code" }).click();
      await expect(desk.getByTestId("join-link")).not.toHaveAttribute("href", classA.joinLink);
      await expectNoSeriousAxeViolations(desk);
      expect((await otherDesk.goto(classA.joinLink))?.status()).toBe(404);
      await expect(otherDesk.getByRole("heading", { level: 1 })).toHaveText("This join link does not open a class");
    } finally {
      await teacher.close();
      await other.close();
    }

    // The student sees class A's assignment, when it is due and where they stand.
    await page.getByRole("link", { name: "Assignments", exact: true }).click();
    const ofClass = page.getByTestId("class-assignments").filter({ hasText: `Convolution A ${stamp}` });
    const assignment = ofClass.getByTestId("assignment").filter({ hasText: `Convolution week ${stamp}` });
    await expect(assignment).toContainText("Open");
    await expect(assignment.getByTestId("assignment-grade")).toHaveText("Your grade: 4 of 8 points");
    await expect(assignment).toContainText('Output sizes and "same" convolution — best score 4/8');
    await expect(page.getByTestId("class-assignments")).toHaveCount(1);
    await expectNoSeriousAxeViolations(page);

  });
});

/** Every instructor page (app/(instructor)/instructor/), with made-up ids where the page takes one. */
const INSTRUCTOR_PAGES = [
  "/instructor",
  "/instructor/classes/any",
  "/instructor/classes/any/exercises",
  "/instructor/classes/any/exercises/losses",
  "/instructor/classes/any/assignments",
  "/instructor/classes/any/assignments/any",
  "/instructor/classes/any/students/any",
  "/instructor/classes/any/people",
];

test.describe("instructor pages", () => {
  test.describe.configure({ timeout: 120_000 });
  test.skip(({ isMobile }) => isMobile, "instructor journeys run on the desktop project");
  // The refusals below are the point of the test, and each is checked.
  test.use({ expectedStatuses: [401, 403] });

  test("answer 401 to anonymous visitors and 403 to students, with a page that says why", async ({ page, request }) => {
    expect((await request.get("/api/instructor/classes/any/gradebook")).status()).toBe(401);
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
    const asStudent = await page.request.get("/api/instructor/classes/any/gradebook");
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
