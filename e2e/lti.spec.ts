import { ROLES, startTestPlatform, type PlatformUser, type TestPlatform } from "@/test/lti-platform";
import { createInstructor, expect, expectNoSeriousAxeViolations, setCellCode, signIn, test } from "./fixtures";

/**
 * Descent launched from an LMS, end to end in a real browser: the in-suite
 * test LMS (test/lti-platform.ts) runs in this process on its own origin and
 * signs real LTI 1.3 messages; Descent's server verifies them against it over
 * HTTP. The LMS's pages are another site, so these journeys use their own
 * browser contexts rather than the site-only `page` fixture.
 */
const ADMIN = { email: "lms-admin@school.example", password: "an lms admin password" };
const stamp = Date.now();
const teacher: PlatformUser = { sub: `teacher-${stamp}`, name: `Tess ${stamp}`, email: `tess-${stamp}@lms.example`, roles: [ROLES.instructor] };
const student: PlatformUser = { sub: `student-${stamp}`, name: `Sam ${stamp}`, email: `sam-${stamp}@lms.example`, roles: [ROLES.learner] };
const EXERCISE = "exercise:conv-output-size";

let platform: TestPlatform;

test.describe("an LMS launching Descent (LTI 1.3)", () => {
  // In order, in one worker: the second journey uses the LMS the first one registers.
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  test.skip(({ isMobile }) => isMobile, "LMS journeys run on the desktop project");

  test.beforeAll(async ({ baseURL }) => {
    createInstructor(ADMIN);
    // Its own client id each run: the e2e database outlives a run, and a registration is per issuer and client id.
    platform = await startTestPlatform({ clientId: `descent-e2e-${stamp}` });
    platform.members.push(teacher, student);
    platform.setTool({ jwksUri: `${baseURL}/api/lti/jwks`, redirectUris: [`${baseURL}/api/lti/launch`], loginUrl: `${baseURL}/api/lti/login` });
  });

  test.afterAll(() => platform?.close());

  test("an administrator registers the LMS; its instructor deep-links an exercise; its student solves it and the LMS gets the grade once; the roster comes from the LMS", async ({ browser, baseURL }) => {
    const launchUrl = `${baseURL}/api/lti/launch`;
    const admin = await browser.newContext();
    const lmsTeacher = await browser.newContext();
    const lmsStudent = await browser.newContext();
    try {
      // Registration by hand, with the values the LMS shows.
      const desk = await admin.newPage();
      await signIn(desk, ADMIN);
      await desk.goto("/instructor");
      await desk.getByRole("link", { name: "Using Descent from an LMS" }).click();
      await expect(desk.getByTestId("lti-login-url")).toHaveText(`${baseURL}/api/lti/login`);
      const form = desk.getByRole("region", { name: "Register an LMS by hand" });
      const fillIn = async () => {
        await form.getByLabel("Name (for you)").fill("Test LMS");
        await form.getByLabel("Issuer (platform ID)").fill(platform.issuer);
        await form.getByLabel("Client ID").fill(platform.clientId);
        await form.getByLabel("Deployment ID").fill(platform.deploymentId);
        await form.getByLabel("Authorization (OIDC auth) URL").fill(platform.authorizationEndpoint);
        await form.getByLabel("Access token URL").fill(platform.tokenEndpoint);
        await form.getByLabel("Public keyset (JWKS) URL").fill(platform.jwksUri);
      };
      await fillIn();
      await expectNoSeriousAxeViolations(desk);
      await form.getByRole("button", { name: "Register LMS" }).click();
      await expect(form.getByRole("status")).toHaveText("Registered Test LMS.");
      await expect(desk.getByRole("region", { name: "Registered LMSs" }).getByRole("row").filter({ hasText: platform.clientId })).toContainText(platform.issuer);
      // The same LMS again: the page says what happened instead of pretending its endpoints changed.
      await fillIn();
      await form.getByRole("button", { name: "Register LMS" }).click();
      await expect(form.getByRole("status")).toContainText("already registered");

      // The instructor adds the exercise to the LMS course (Deep Linking), from the LMS.
      const t = await lmsTeacher.newPage();
      await t.goto(platform.loginUrl({ user: teacher, targetLinkUri: launchUrl, messageType: "LtiDeepLinkingRequest" }));
      await expect(t.getByRole("heading", { level: 1 })).toHaveText("Add Descent content to your course");
      await expectNoSeriousAxeViolations(t);
      await t.getByLabel(/Output sizes and "same" convolution/).check();
      await t.getByRole("button", { name: "Add to the course" }).click();
      await expect(t.getByText(/Content added/)).toBeVisible();
      const lineItem = platform.lineItems.find((item) => item.resourceId === EXERCISE);
      expect(lineItem).toMatchObject({ scoreMaximum: 8, label: 'Output sizes and "same" convolution' });

      // The instructor opens Descent from the course: its class, with the LMS's roster (the student has not launched yet).
      await t.goto(platform.loginUrl({ user: teacher, targetLinkUri: launchUrl }));
      await expect(t).toHaveURL(/\/instructor\/classes\/[^/]+$/);
      await expect(t.getByTestId("class-banner")).toHaveText("Deep Learning 101 · DL101");
      await expect(t.getByRole("row").filter({ hasText: student.name })).toContainText("not started");

      // The student opens the placed exercise from the LMS, signed in as themselves, and submits a partly right answer.
      platform.failNextScores(1);
      const s = await lmsStudent.newPage();
      await s.goto(platform.loginUrl({ user: student, targetLinkUri: launchUrl, custom: { descent_item: EXERCISE }, lineItemUrl: lineItem!.id }));
      await expect(s).toHaveURL(/\/learn\/convolution\/convolution-2d$/);
      const section = s.locator('section[data-exercise-id="conv-output-size"]');
      await setCellCode(s, section.locator(".cell"), "function outputSize(n, k, s, p) { return Math.floor((n + 2 * p - k) / s) + 1; }");
      await section.getByRole("button", { name: "Submit for grading" }).click();
      await expect(section.getByTestId("exercise-score")).toContainText("Best score 4/8", { timeout: 30_000 });
      // The first send met the LMS's 503; the retry (15 s later) delivers it.
      await expect.poll(() => platform.scores.length, { timeout: 60_000 }).toBe(1);
      expect(platform.scores[0]!.body).toMatchObject({ userId: student.sub, scoreGiven: 4, scoreMaximum: 8 });
      // The same answer again: the grade is the same, and the LMS hears nothing new.
      await section.getByRole("button", { name: "Submit for grading" }).click();
      await expect(section.getByTestId("exercise-score")).toContainText("Best score 4/8", { timeout: 30_000 });

      // The instructor sees the grade's way to the LMS.
      await t.reload();
      const status = t.getByTestId("lms-score").filter({ hasText: student.name });
      await expect(status).toContainText("sent");
      await expect(status).toContainText("4");
      await expectNoSeriousAxeViolations(t);
      expect(platform.scores).toHaveLength(1);
    } finally {
      await Promise.all([admin.close(), lmsTeacher.close(), lmsStudent.close()]);
    }
  });

  test("inside the LMS's frame, with no cookies, the launch is checked through the LMS's storage and opens Descent in its own tab, which names the account before signing in", async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    try {
      // The browser loses Descent's state cookie before the LMS posts the launch back, as where third-party cookies
      // are blocked: the state can only come back through the LMS's storage.
      await context.route(
        (url) => url.pathname === "/auth",
        async (route) => {
          await context.clearCookies();
          await route.continue();
        },
      );
      const course = await context.newPage();
      const launchUrl = `${baseURL}/api/lti/launch`;
      await course.goto(platform.coursePageUrl({ user: student, targetLinkUri: launchUrl, storageTarget: "_parent", custom: { descent_item: "lesson:/learn/convolution/convolution-2d" } }));
      const tool = course.frameLocator('iframe[name="tool"]');
      const open = tool.getByRole("link", { name: "Open in Descent" });
      await expect(open).toBeVisible();
      expect(await course.evaluate(() => (window as unknown as { ltiMessages: string[] }).ltiMessages)).toEqual(["lti.put_data", "lti.get_data"]);
      // The framed launch's cookie, which binds the sign-in link to this browser, is lost too: the new tab asks first.
      await context.clearCookies();
      const [descent] = await Promise.all([context.waitForEvent("page"), open.click()]);
      await expect(descent.getByRole("heading", { level: 1 })).toHaveText(`Continue as ${student.name}?`);
      await expect(descent.getByText(student.email!)).toBeVisible();
      await expectNoSeriousAxeViolations(descent);
      await descent.getByRole("button", { name: `Continue as ${student.name}` }).click();
      await expect(descent).toHaveURL(`${baseURL}/learn/convolution/convolution-2d`);
      await descent.goto("/account");
      await expect(descent.getByTestId("signed-in")).toContainText(student.email!);
    } finally {
      await context.close();
    }
  });
});
