import { expect, expectNoSeriousAxeViolations, setCellCode, test } from "./fixtures";

const LESSON = "/learn/loss-functions/measuring-error";
const RIGHT =
  "function mse(yTrue: tf.Tensor, yPred: tf.Tensor) { return yPred.sub(yTrue).square().mean(); }\n" +
  "function binaryCrossEntropy(yTrue: tf.Tensor, pPred: tf.Tensor) { const p = pPred.clipByValue(1e-7, 1 - 1e-7); " +
  "return yTrue.mul(p.log()).add(tf.scalar(1).sub(yTrue).mul(tf.scalar(1).sub(p).log())).mean().neg(); }";

test.describe("anonymous learners", () => {
  test("get one learner with their first page, so a page's concurrent first saves are not split", async ({ page, context }) => {
    await page.goto(LESSON);
    expect((await context.cookies()).find((c) => c.name === "descent_learner")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    const ids = ["losses", "cross-entropy-from-logits"];
    await page.evaluate(
      (exerciseIds) =>
        Promise.all(
          exerciseIds.map((id) =>
            fetch(`/api/exercises/${id}/draft`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: `// draft of ${id}` }) }),
          ),
        ),
      ids,
    );
    for (const id of ids) {
      const { state } = (await (await page.request.get(`/api/exercises/${id}`)).json()) as { state: { draft?: { code: string } } };
      expect(state.draft?.code).toBe(`// draft of ${id}`);
    }
  });
});

test.describe("accounts", () => {
  test.describe.configure({ timeout: 120_000 });
  test.skip(({ isMobile }) => isMobile, "account journeys run on the desktop project");

  test("work done anonymously is kept on sign-up, and follows the account to a fresh browser", async ({ page, browser }) => {
    const email = `learner-${Date.now()}@example.test`;
    const password = "correct horse battery";
    const score = page.locator('section[data-exercise-id="losses"]').getByTestId("exercise-score");

    await page.goto(LESSON);
    const section = page.locator('section[data-exercise-id="losses"]');
    await setCellCode(page, section.locator(".cell"), RIGHT);
    await section.getByRole("button", { name: "Submit for grading" }).click();
    await expect(score).toHaveText("Best score 9/9 · 1 attempt · Passed", { timeout: 30_000 });

    await page.getByRole("link", { name: "Your account" }).click();
    await expectNoSeriousAxeViolations(page);
    const signUp = page.getByRole("region", { name: "Create an account" });
    await signUp.getByLabel("Email").fill(email);
    await signUp.getByLabel(/Password/).fill(password);
    await signUp.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("signed-in")).toContainText(email);

    await page.goto(LESSON);
    await expect(score).toHaveText("Best score 9/9 · 1 attempt · Passed");
    await page.goto("/account");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

    const fresh = await browser.newContext();
    try {
      const other = await fresh.newPage();
      await other.goto("/account");
      const signIn = other.getByRole("region", { name: "Sign in" });
      await signIn.getByLabel("Email").fill(email);
      await signIn.getByLabel("Password").fill("wrong password");
      await signIn.getByRole("button", { name: "Sign in" }).click();
      await expect(other.locator(".account-error")).toContainText(/invalid email or password/i);
      await signIn.getByLabel("Password").fill(password);
      await signIn.getByRole("button", { name: "Sign in" }).click();
      await expect(other.getByTestId("signed-in")).toContainText(email);
      await other.goto(LESSON);
      await expect(other.locator('section[data-exercise-id="losses"]').getByTestId("exercise-score")).toHaveText("Best score 9/9 · 1 attempt · Passed");
    } finally {
      await fresh.close();
    }
  });
});

/**
 * A classroom reaches the server by its address or a LAN name, not as
 * localhost: accounts must work there too (no "403 Invalid origin", and
 * cookies a plain-http site can keep). descent-lan.test resolves to
 * 127.0.0.1 in this test's Chromium (playwright.config.ts).
 */
for (const host of ["127.0.0.1", "descent-lan.test"]) {
  test.describe(`accounts reached as ${host}`, () => {
    test.describe.configure({ timeout: 120_000 });
    test.skip(({ isMobile }) => isMobile, "account journeys run on the desktop project");
    // The configured server, under another name; the page-problem checks then watch that origin.
    test.use({
      baseURL: async ({ baseURL }, use) => {
        const url = new URL(baseURL!);
        url.hostname = host;
        await use(url.origin);
      },
    });

    test("sign up, sign out and sign in again", async ({ page, context, baseURL }) => {
      expect(new URL(baseURL!).hostname).toBe(host);
      const email = `classroom-${Date.now()}-${host.replace(/\W/g, "-")}@example.test`;
      const password = "correct horse battery";

      await page.goto("/account");
      expect(new URL(page.url()).hostname).toBe(host);
      const signUp = page.getByRole("region", { name: "Create an account" });
      await signUp.getByLabel("Email").fill(email);
      await signUp.getByLabel(/Password/).fill(password);
      await signUp.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByTestId("signed-in")).toContainText(email);
      // Over plain http the session cookie is not Secure, or the browser would drop it.
      const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("session_token"));
      expect(session).toMatchObject({ httpOnly: true, secure: false, sameSite: "Lax" });

      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

      const signIn = page.getByRole("region", { name: "Sign in" });
      await signIn.getByLabel("Email").fill(email);
      await signIn.getByLabel("Password").fill(password);
      await signIn.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByTestId("signed-in")).toContainText(email);
      await page.reload();
      await expect(page.getByTestId("signed-in")).toContainText(email);

      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
      await page.reload();
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    });
  });
}
