import { describe, expect, it } from "vitest";
import { requestPath } from "./request-path";
import { sitePolicy } from "./site-policy";

const sources = ["'self'", "http://127.0.0.1:3001"];

describe("sitePolicy", () => {
  it("lets pages frame only the kernel, and lets no other site frame them", () => {
    for (const path of ["/", "/learn/gradient-descent/the-update-rule", "/account", "/instructor/classes", "/api/progress", "/kernel/frame.html"]) {
      expect(sitePolicy(path, sources), path).toBe("frame-src 'self' http://127.0.0.1:3001; frame-ancestors 'self'");
    }
  });

  it("lets an LMS frame LTI's own pages", () => {
    for (const path of ["/api/lti/login", "/api/lti/launch", "/api/lti/deep-link", "/api/lti/register"]) {
      expect(sitePolicy(path, sources), path).toBe("frame-src 'self' http://127.0.0.1:3001");
    }
  });

  it("judges the path the router will serve (lib/http-server/request-path.ts), not how it was spelled", () => {
    for (const path of ["/api/lti/../../account", "/api/lti/%2e%2e/%2E%2E/account", "/api/lti/./../instructor", "/api/ltiX/launch", "/API/lti/launch"]) {
      expect(sitePolicy(requestPath(path)!, sources), path).toContain("frame-ancestors 'self'");
    }
  });
});
