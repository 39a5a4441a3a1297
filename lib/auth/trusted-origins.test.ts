import { describe, expect, it } from "vitest";
import { requestOrigin } from "@/lib/api/request-origin";
import { trustedOrigins } from "./trusted-origins";

/** A request as Next.js hands it to a route: its URL names the server's own hostname, its headers what the browser sent. */
const request = (headers: Record<string, string>, url = "http://localhost:3100/api/auth/sign-in/email") =>
  new Request(url, { method: "POST", headers });

/** better-auth's decision for an exact origin: the Origin header, normalised, is one of the trusted origins. */
function accepts(origin: string, from: Request, publicUrl?: string): boolean {
  let normalised: string;
  try {
    normalised = new URL(origin).origin;
  } catch {
    return false;
  }
  return normalised !== "null" && trustedOrigins(publicUrl, from).includes(normalised);
}

describe("trustedOrigins without a public URL: the origin the request was sent to", () => {
  it.each([
    ["localhost:3100", "http://localhost:3100"],
    ["127.0.0.1:3100", "http://127.0.0.1:3100"],
    ["192.168.1.20:3000", "http://192.168.1.20:3000"],
    ["descent-lan.test:3100", "http://descent-lan.test:3100"],
    ["[::1]:3000", "http://[::1]:3000"],
    ["Descent.School.Example", "http://descent.school.example"],
    ["descent.lan:80", "http://descent.lan"],
  ])("Host %s is %s", (host, origin) => {
    expect(trustedOrigins(undefined, request({ host }))).toEqual([origin]);
  });

  it("takes the scheme Next.js put in the URL (https behind TLS or a trusted proxy)", () => {
    expect(trustedOrigins(undefined, request({ host: "descent.school.example" }, "https://localhost:3000/api/auth/sign-out"))).toEqual([
      "https://descent.school.example",
    ]);
  });

  it("takes the host a trusted proxy forwarded (server.ts strips the header from anyone else)", () => {
    expect(trustedOrigins(undefined, request({ host: "127.0.0.1:3000", "x-forwarded-host": "descent.school.example" }))).toEqual(["http://descent.school.example"]);
  });

  it("trusts nothing more when better-auth asks at start-up, without a request", () => {
    expect(trustedOrigins(undefined, undefined)).toEqual([]);
  });

  it("accepts the page the browser is on, reached by address or by name", () => {
    expect(accepts("http://127.0.0.1:3100", request({ host: "127.0.0.1:3100" }))).toBe(true);
    expect(accepts("http://192.168.1.20:3000", request({ host: "192.168.1.20:3000" }))).toBe(true);
    expect(accepts("http://descent-lan.test:3100", request({ host: "descent-lan.test:3100" }))).toBe(true);
  });
});

describe("trustedOrigins refuses other pages", () => {
  const lan = request({ host: "192.168.1.20:3000" });

  it.each([
    ["another site", "https://evil.example"],
    ["another site named like ours", "http://192.168.1.20.evil.example:3000"],
    ["an opaque origin (a sandboxed frame, a cell)", "null"],
    ["the same host on another port", "http://192.168.1.20:8080"],
    ["the same host over the other scheme", "https://192.168.1.20:3000"],
    ["the server's own hostname when the browser used another", "http://descent-lan.test:3000"],
    ["nothing", ""],
  ])("%s (%s)", (_, origin) => {
    expect(accepts(origin, lan)).toBe(false);
  });

  it("trusts a client that writes Host and Origin alike: only a non-browser can, and it holds no one's cookies", () => {
    // Browsers write both headers themselves; a page cannot set either for a request to us.
    expect(accepts("http://evil.example", request({ host: "evil.example" }))).toBe(true);
  });

  it.each([
    ["*", "better-auth would read http://* as every http site"],
    ["*.example", "a wildcard"],
    ["evil.example?", "a wildcard character"],
    ["user@evil.example", "credentials"],
    ["evil.example/path", "a path"],
    ["a b", "a space"],
    ["descent.lan:99999", "a port that cannot be"],
    ["", "an empty Host"],
    ["-descent.lan", "a label that starts with a hyphen"],
  ])("a Host header of %j (%s) makes no trusted origin", (host) => {
    expect(trustedOrigins(undefined, request({ host }))).toEqual([]);
    expect(requestOrigin(request({ host }))).toBeUndefined();
  });

  it("a Host of a wildcard does not open the door to another site", () => {
    expect(accepts("http://evil.example", request({ host: "*" }))).toBe(false);
  });
});

describe("trustedOrigins with a public URL", () => {
  const PUBLIC = "https://descent.school.example/";

  it("trusts only the configured origin, whatever the request says", () => {
    expect(trustedOrigins(PUBLIC, request({ host: "192.168.1.20:3000" }))).toEqual(["https://descent.school.example"]);
    expect(trustedOrigins(PUBLIC, undefined)).toEqual(["https://descent.school.example"]);
  });

  it("refuses the LAN address then, even when the request came by it", () => {
    expect(accepts("http://192.168.1.20:3000", request({ host: "192.168.1.20:3000" }), PUBLIC)).toBe(false);
    expect(accepts("https://descent.school.example", request({ host: "192.168.1.20:3000" }), PUBLIC)).toBe(true);
  });
});
