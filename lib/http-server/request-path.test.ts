import { describe, expect, it } from "vitest";
import { requestPath } from "./request-path";

describe("requestPath", () => {
  it("resolves dot segments, also percent-encoded, and drops the query", () => {
    expect(requestPath("/learn/a?x=1")).toBe("/learn/a");
    expect(requestPath("/api/lti/../../account")).toBe("/account");
    expect(requestPath("/api/lti/%2e%2e/%2E%2E/account")).toBe("/account");
    expect(requestPath(undefined)).toBe("/");
    expect(requestPath("http://elsewhere.example/api/models")).toBe("/api/models");
  });

  it("is undefined for a target no URL parser accepts", () => {
    for (const target of ["//[", "http://[", "//a:b:c/"]) expect(requestPath(target), target).toBeUndefined();
  });
});
