import { describe, expect, it } from "vitest";
import { headersOrigin, requestOrigin } from "./request-origin";

describe("requestOrigin", () => {
  it("is the scheme of the request's URL and the host the browser asked for, read as browsers write Origin", () => {
    expect(requestOrigin(new Request("http://localhost:3100/x", { headers: { host: "Descent-LAN.test:3000" } }))).toBe("http://descent-lan.test:3000");
    expect(requestOrigin(new Request("http://localhost:3100/x", { headers: { host: "school.example:80" } }))).toBe("http://school.example");
    expect(requestOrigin(new Request("https://localhost:3100/x", { headers: { host: "school.example", "x-forwarded-host": "descent.school.example" } }))).toBe(
      "https://descent.school.example",
    );
  });

  it("is undefined for a host no browser sends", () => {
    for (const host of ["*", "evil.example/path", "a b", "descent.lan:99999", ""]) {
      expect(requestOrigin(new Request("http://localhost/x", { headers: { host } })), host).toBeUndefined();
    }
  });
});

describe("headersOrigin", () => {
  it("takes the scheme from X-Forwarded-Proto, which Next.js always writes", () => {
    expect(headersOrigin(new Headers({ host: "school.example", "x-forwarded-proto": "https" }))).toBe("https://school.example");
    expect(headersOrigin(new Headers({ host: "school.example:3000", "x-forwarded-proto": "http" }))).toBe("http://school.example:3000");
    expect(headersOrigin(new Headers({ host: "school.example", "x-forwarded-proto": "javascript" }))).toBe("http://school.example");
    expect(headersOrigin(new Headers({ host: "*" }))).toBeUndefined();
  });
});
