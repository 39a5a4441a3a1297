/**
 * Accounts however the server is reached, against better-auth's real
 * endpoints and a real database, with no public URL configured: the request
 * URL names the server's own hostname (as Next.js builds it), the Host and
 * Origin headers name the address the browser used. See
 * lib/auth/trusted-origins.ts and lib/auth/secure-cookies.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "@/test/databases";
import { Browser } from "./app-routes";

const database = testDatabase("origins");
process.env.DATABASE_URL = database.url;
process.env.DESCENT_SECRET = "a test secret that is long enough to sign cookies";
delete process.env.BETTER_AUTH_URL;
// As `npm start` runs: better-auth skips its Origin check altogether under test (NODE_ENV=test, or TEST, which Vitest
// sets), and makes its cookies Secure by default in production.
const testEnv = { NODE_ENV: process.env.NODE_ENV, TEST: process.env.TEST };
Object.assign(process.env, { NODE_ENV: "production", TEST: "false" });

const PASSWORD = "correct horse battery";
const LAN = "192.168.1.20:3000";

/** A browser on a page of `origin`, whose requests reach the server as Host `host`, over `scheme`. */
function browserAt(host: string, origin = `http://${host}`, scheme = "http") {
  const browser = new Browser();
  const send = (method: string, route: string, body?: unknown, headers: Record<string, string> = {}) =>
    browser.fetch(method, `${scheme}://descent.test${route}`, body, { host, origin, ...headers });
  return { browser, send };
}

const sessionCookie = (setCookies: string[]) => setCookies.find((cookie) => cookie.includes("session_token="));

beforeAll(async () => {
  await database.migrate();
});

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db().$disconnect();
  await database.remove();
  for (const [name, value] of Object.entries(testEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("accounts reached by a LAN address over plain http", () => {
  it("sign up, out and in, with cookies that are not Secure", async () => {
    const { browser, send } = browserAt(LAN);
    const email = "lan@school.example";
    const signUp = await send("POST", "/api/auth/sign-up/email", { email, password: PASSWORD, name: "lan" });
    expect(signUp.status, signUp.text).toBe(200);
    const cookie = sessionCookie(signUp.headers.getSetCookie());
    expect(cookie).toMatch(/^better-auth\.session_token=/);
    expect(cookie).not.toMatch(/;\s*secure/i);

    const signOut = await send("POST", "/api/auth/sign-out", {});
    expect(signOut.status, signOut.text).toBe(200);
    expect(browser.cookies.has("better-auth.session_token")).toBe(false);

    const signIn = await send("POST", "/api/auth/sign-in/email", { email, password: PASSWORD });
    expect(signIn.status, signIn.text).toBe(200);
    expect(browser.cookies.has("better-auth.session_token")).toBe(true);
  });
});

describe("accounts over https", () => {
  it("set Secure cookies", async () => {
    const { send } = browserAt("descent.school.example", "https://descent.school.example", "https");
    const signUp = await send("POST", "/api/auth/sign-up/email", { email: "tls@school.example", password: PASSWORD, name: "tls" });
    expect(signUp.status, signUp.text).toBe(200);
    expect(sessionCookie(signUp.headers.getSetCookie())).toMatch(/;\s*Secure/);
  });
});

describe("a page of another origin", () => {
  let signedIn: ReturnType<typeof browserAt>;

  beforeAll(async () => {
    signedIn = browserAt(LAN);
    const signUp = await signedIn.send("POST", "/api/auth/sign-up/email", { email: "victim@school.example", password: PASSWORD, name: "victim" });
    expect(signUp.status, signUp.text).toBe(200);
  });

  it.each([
    ["another site", "https://evil.example"],
    ["an opaque origin", "null"],
    ["the same machine by another address than the one this browser used", "http://127.0.0.1:3000"],
    ["the same host on another port", "http://192.168.1.20:8080"],
  ])("cannot sign a signed-in browser out: %s", async (_, origin) => {
    const response = await signedIn.send("POST", "/api/auth/sign-out", {}, { origin });
    expect(response.status, response.text).toBe(403);
  });

  it("cannot sign a browser in", async () => {
    const { send } = browserAt(LAN, "https://evil.example");
    const response = await send("POST", "/api/auth/sign-in/email", { email: "victim@school.example", password: PASSWORD });
    expect(response.status, response.text).toBe(403);
  });

  it("nor can a Host of a wildcard open the door", async () => {
    const { send } = browserAt("*", "http://evil.example");
    const response = await send("POST", "/api/auth/sign-in/email", { email: "victim@school.example", password: PASSWORD });
    expect(response.status, response.text).toBe(403);
  });
});
