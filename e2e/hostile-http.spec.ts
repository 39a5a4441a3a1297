/**
 * The production server (server.ts) against hostile HTTP, over real sockets:
 * chunked floods, forged X-Forwarded-For. Each attack comes from its own
 * loopback address (Linux routes all of 127/8 to this machine), so its rate
 * limits are its own and not those of the other journeys, which come from
 * 127.0.0.1. After each attack the server still serves everyone else. And a
 * hostile site, in a real browser, framing the site's pages to clickjack them.
 * (`npm run bench:hostile-http` measures the same attacks at full size.)
 */
import { expect, test } from "@playwright/test";
import { createServer } from "node:http";
import { send as sendTo, zeros, type SendOptions } from "../scripts/raw-http";
import { listenOnLoopback } from "../test/listen";

const send = (baseURL: string, method: string, path: string, options: SendOptions) => sendTo(new URL(baseURL).port, method, path, options);

test.describe("hostile HTTP", () => {
  test.skip(({ isMobile }) => isMobile, "server checks need one project only");

  for (const path of ["/api/submissions", "/learn"]) {
    test(`a chunked body far past the limit to ${path} is refused while it streams`, async ({ baseURL }) => {
      const answer = await send(baseURL!, "POST", path, { from: "127.0.0.21", body: zeros(64 * 2 ** 20), headers: { "transfer-encoding": "chunked" } });
      // A 413, or the connection closed under the flood: never a 2xx, never a 500.
      expect([0, 413]).toContain(answer.status);
      if (answer.status === 413) expect(answer.body).toMatch(/too large/);
      const after = await send(baseURL!, "GET", "/", { from: "127.0.0.22" });
      expect(after.status).toBe(200);
    });
  }

  test("a small JSON body over a route's own limit gets a 413 that says the limit", async ({ baseURL }) => {
    const code = "x".repeat(300 * 1024);
    const answer = await send(baseURL!, "POST", "/api/submissions", { from: "127.0.0.23", body: JSON.stringify({ id: crypto.randomUUID(), exerciseId: "losses", code }), headers: { "transfer-encoding": "chunked" } });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error).toMatch(/at most \d+ KiB/);
  });

  test("a request target no URL parser accepts gets a 400 at once, and the server serves everyone after", async ({ baseURL }) => {
    for (const target of ["//[", "http://[::1"]) {
      const answer = await send(baseURL!, "GET", target, { from: "127.0.0.26" });
      expect(answer.status, target).toBe(400);
      expect(JSON.parse(answer.body).error).toMatch(/not a valid path/);
    }
    expect((await send(baseURL!, "GET", "/", { from: "127.0.0.27" })).status).toBe(200);
  });

  test("another site cannot frame the site's pages to clickjack them; an LMS can still frame LTI's pages", async ({ page, baseURL }) => {
    const framed = ["/api/lti/login", "/account", "/learn/gradient-descent/the-update-rule", "/kernel/frame.html"];
    // The decoy: a real server of its own on another origin, as a hostile site (or an LMS) would be.
    const decoy = createServer((_, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(framed.map((path) => `<iframe title="${path}" src="${baseURL}${path}"></iframe>`).join(""));
    });
    try {
      await page.goto(await listenOnLoopback(decoy));
      const frameAt = async (path: string) => (await page.locator(`iframe[title="${path}"]`).elementHandle())!.contentFrame();
      // LTI's login, reached without an LMS's parameters, answers inside the frame, saying what is missing.
      await expect(page.frameLocator('iframe[title="/api/lti/login"]').locator("body")).toContainText("LTI launch refused");
      expect((await frameAt("/api/lti/login"))?.url()).toBe(`${baseURL}/api/lti/login`);
      // Chromium replaces a page that refuses the frame with its own error page: none of the site's content is there.
      for (const path of framed.slice(1)) {
        const frame = await frameAt(path);
        await expect.poll(() => frame?.url(), path).toMatch(/^chrome-error:/);
      }
    } finally {
      decoy.close();
    }
  });

  test("forging X-Forwarded-For does not escape the sign-in limit", async ({ baseURL }) => {
    const statuses: number[] = [];
    for (let i = 1; i <= 12; i++) {
      const body = JSON.stringify({ email: `forger${i}@school.example`, password: "not the password" });
      statuses.push((await send(baseURL!, "POST", "/api/auth/sign-in/email", { from: "127.0.0.24", body, headers: { "x-forwarded-for": `198.51.100.${i}` } })).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Another client is not affected.
    const other = await send(baseURL!, "POST", "/api/auth/sign-in/email", { from: "127.0.0.25", body: JSON.stringify({ email: "forger1@school.example", password: "not the password" }) });
    expect(other.status).toBe(401);
  });
});
