import type { Page } from "@playwright/test";
import { expect, kernelOriginOf, setCellCode, test } from "./fixtures";

const LESSON = "/learn/gradient-descent/the-update-rule";
const firstCell = (page: Page) => page.locator(".cell").first();

/**
 * Learner code runs in the kernel's own origin when the page is a secure
 * context (localhost here), and in the sandboxed frame on the site when it is
 * not (a classroom's LAN name over http: descent-lan.test resolves to
 * 127.0.0.1 in this Chromium, playwright.config.ts). In both homes a cell
 * cannot read the site's cookies, localStorage or IndexedDB, cannot reach or
 * navigate the page, and its requests to the site carry no credentials.
 */
for (const home of [
  { host: "localhost", frame: "the kernel's own origin" },
  { host: "descent-lan.test", frame: "the sandboxed frame" },
] as const) {
  test.describe(`a page reached as ${home.host} runs learner code in ${home.frame}`, () => {
    test.describe.configure({ timeout: 90_000 });
    test.skip(({ isMobile }) => isMobile, "kernel journeys run on the desktop project");
    test.use({
      baseURL: async ({ baseURL }, use) => {
        const url = new URL(baseURL!);
        url.hostname = home.host;
        await use(url.origin);
      },
    });

    test("learner code cannot reach the page, its cookies or its storage, and its requests carry no cookie", async ({ page, context, baseURL }) => {
      const site = new URL(baseURL!).origin;
      const kernelOrigin = kernelOriginOf(site);
      expect(kernelOrigin === undefined).toBe(home.host === "descent-lan.test");
      await context.addCookies([{ name: "session", value: "secret", url: site, sameSite: "Lax" }]);
      await page.goto(LESSON);
      await page.evaluate(async () => {
        localStorage.setItem("descent:probe", "private");
        // A database of the site's, with a store, that the cell will look for by name.
        await new Promise<void>((resolve, reject) => {
          const open = indexedDB.open("descent-probe", 1);
          open.onupgradeneeded = () => open.result.createObjectStore("secrets");
          open.onsuccess = () => (open.result.close(), resolve());
          open.onerror = () => reject(open.error);
        });
      });
      const probe = [
        "const reach = (f: () => unknown) => { try { return String(f()); } catch (e) { return 'blocked'; } };",
        // The kernel's own origin has an IndexedDB of its own: the site's database is not in it.
        "const siteDatabase = await new Promise<string>((resolve) => {",
        "  try { const open = indexedDB.open('descent-probe'); open.onsuccess = () => resolve(open.result.objectStoreNames.length ? 'read' : 'not there'); open.onerror = () => resolve('blocked'); }",
        "  catch { resolve('blocked'); }",
        "});",
        `const response = await fetch(${JSON.stringify(`${site}/data/mnist/labels.bin`)});`,
        // Asking for credentials: the request goes out without the cookie, and the browser keeps the answer from the cell.
        `const progress = await fetch(${JSON.stringify(`${site}/api/progress`)}, { credentials: 'include' }).then((r) => r.status, () => 'refused');`,
        "[reach(() => document.cookie), reach(() => (parent as any).document.title), reach(() => { (top as any).location.href = 'about:blank'; return 'navigated'; }),",
        " reach(() => localStorage.getItem('descent:probe')), siteDatabase, self.origin, response.status, progress].join(' | ')",
      ].join("\n");
      await setCellCode(page, firstCell(page), probe);
      const labels = page.waitForRequest((request) => request.url().endsWith("/labels.bin"));
      const progress = page.waitForRequest((request) => request.url().endsWith("/api/progress"));
      await page.keyboard.press("Shift+Enter");
      const frameOrigin = kernelOrigin ?? "null";
      // The site's database is never read: the opaque frame has no IndexedDB, and the kernel's origin has only its own
      // (which Chromium also keeps from a third-party frame).
      await expect(firstCell(page).locator(".cell-outputs")).toContainText(
        new RegExp(`^blocked \\| blocked \\| blocked \\| blocked \\| (blocked|not there) \\| ${frameOrigin} \\| 200 \\| refused$`),
        { timeout: 60_000 },
      );
      // The request reaches the site as a cross-site request from the kernel's origin, without the cookie. (The
      // credentialed one goes out too, cross-site, so the Lax cookie stays home; the browser then refused its answer.)
      const headers = await (await labels).allHeaders();
      expect(headers.cookie).toBeUndefined();
      expect(headers.origin).toBe(frameOrigin);
      // Browsers send fetch metadata only to trustworthy origins, which a LAN name over http is not.
      if (kernelOrigin) expect(headers["sec-fetch-site"]).toBe("cross-site");
      expect((await (await progress).allHeaders()).cookie).toBeUndefined();
      await expect(page).toHaveURL(new RegExp(`${LESSON}$`));

      const frame = page.locator("iframe.kernel-frame");
      if (kernelOrigin) {
        await expect(frame).toHaveAttribute("src", `${kernelOrigin}/kernel/frame.html`);
        await expect(page.getByTestId("webgpu-off")).toHaveCount(0);
      } else {
        await expect(frame).toHaveAttribute("sandbox", "allow-scripts");
        await expect(page.getByTestId("webgpu-off")).toContainText("plain http from descent-lan.test");
      }
    });
  });
}

test.describe("the kernel's origin", () => {
  test.skip(({ isMobile }) => isMobile, "one project is enough for the kernel origin's own answers");

  test("serves only the kernel, may be framed only by the site, and is the only frame the site allows", async ({ request, baseURL }) => {
    const site = new URL(baseURL!).origin;
    const kernelOrigin = kernelOriginOf(site)!;
    const frame = await request.get(`${kernelOrigin}/kernel/frame.html`);
    expect(frame.status()).toBe(200);
    expect(frame.headers()["content-security-policy"]).toBe(`frame-ancestors ${site}`);
    expect(await frame.text()).toContain(`data-sites="[&#34;${site}&#34;]"`);
    expect((await request.get(`${kernelOrigin}/kernel/worker.js`)).status()).toBe(200);
    for (const path of ["/", "/learn/gradient-descent/the-update-rule", "/api/progress", "/api/kernel", "/data/mnist/labels.bin", "/kernel/../api/progress"]) {
      expect((await request.get(`${kernelOrigin}${path}`)).status(), path).toBe(404);
    }
    expect((await request.post(`${kernelOrigin}/kernel/frame.html`)).status()).toBe(405);
    // Reached by the site's own name, the kernel would share that name's cookies: the site may not frame it there.
    const sameName = new URL(kernelOrigin);
    sameName.hostname = new URL(site).hostname;
    const policy = (await request.get(`${sameName.origin}/kernel/frame.html`)).headers()["content-security-policy"];
    expect(policy).toMatch(/^frame-ancestors /);
    expect(policy).not.toContain(site);
    const page = await request.get(LESSON);
    expect(page.headers()["content-security-policy"]).toContain(`frame-src 'self' `);
    expect(page.headers()["content-security-policy"]).toContain(kernelOrigin);
  });
});
