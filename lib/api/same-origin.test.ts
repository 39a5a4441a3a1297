import { describe, expect, it } from "vitest";
import { ApiError, requireSameOrigin } from "./http";

const post = (origin: string | undefined, host: string, url = "http://localhost:3100/api/progress") =>
  new Request(url, { method: "POST", headers: { host, ...(origin === undefined ? {} : { origin }) } });

describe("requireSameOrigin", () => {
  it("lets this site's own pages write, however the browser spelled the host", () => {
    expect(() => requireSameOrigin(post("http://descent-lan.test:3000", "descent-lan.test:3000"))).not.toThrow();
    expect(() => requireSameOrigin(post("http://descent-lan.test:3000", "Descent-LAN.test:3000"))).not.toThrow();
    expect(() => requireSameOrigin(post("http://school.example", "school.example:80"))).not.toThrow();
    // Behind a TLS proxy Descent was not told to trust, the request looks like http: still this site.
    expect(() => requireSameOrigin(post("https://school.example", "school.example"))).not.toThrow();
  });

  it("refuses another site, a sandboxed frame or a cell (Origin null), and a Host no browser sends", () => {
    for (const [origin, host] of [
      ["http://evil.example", "descent-lan.test:3000"],
      ["http://descent-lan.test:3001", "descent-lan.test:3000"],
      ["null", "descent-lan.test:3000"],
      ["http://*", "*"],
    ] as const) {
      expect(() => requireSameOrigin(post(origin, host)), `${origin} → ${host}`).toThrow(ApiError);
    }
  });

  it("lets a client that is not a browser (no Origin) through: it holds no learner's cookie", () => {
    expect(() => requireSameOrigin(post(undefined, "descent-lan.test:3000"))).not.toThrow();
  });
});
