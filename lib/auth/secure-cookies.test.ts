import { describe, expect, it } from "vitest";
import { servedOverHttps, withSecureCookies } from "./secure-cookies";

const SESSION = "better-auth.session_token=abc; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax";
const ALREADY_SECURE = "better-auth.dont_remember=x; Path=/; HttpOnly; Secure; SameSite=Lax";

function answer(...cookies: string[]): Response {
  const headers = new Headers({ "content-type": "application/json" });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response('{"ok":true}', { status: 200, headers });
}

describe("servedOverHttps", () => {
  it("is the request's scheme, as Next.js and a trusted proxy report it", () => {
    expect(servedOverHttps(new Request("http://localhost:3000/"))).toBe(false);
    expect(servedOverHttps(new Request("https://localhost:3000/"))).toBe(true);
    expect(servedOverHttps(new Request("http://localhost:3000/", { headers: { "x-forwarded-proto": "https" } }))).toBe(true);
  });
});

describe("withSecureCookies", () => {
  it("leaves cookies over plain http alone, so a LAN server's browsers keep them", () => {
    const response = answer(SESSION);
    expect(withSecureCookies(new Request("http://192.168.1.20:3000/api/auth/sign-in/email"), response)).toBe(response);
  });

  it("marks every cookie Secure over https, once, keeping the rest of the response", async () => {
    const secured = withSecureCookies(new Request("https://descent.school.example/api/auth/sign-in/email"), answer(SESSION, ALREADY_SECURE));
    expect(secured.headers.getSetCookie()).toEqual([`${SESSION}; Secure`, ALREADY_SECURE]);
    expect(secured.status).toBe(200);
    expect(secured.headers.get("content-type")).toBe("application/json");
    expect(await secured.json()).toEqual({ ok: true });
  });

  it("returns a response that sets no cookie, or only Secure ones, as it is", () => {
    const https = new Request("https://descent.school.example/api/auth/get-session");
    const none = answer();
    const secure = answer(ALREADY_SECURE);
    expect(withSecureCookies(https, none)).toBe(none);
    expect(withSecureCookies(https, secure)).toBe(secure);
  });
});
