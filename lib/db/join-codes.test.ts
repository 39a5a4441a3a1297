import { describe, expect, it } from "vitest";
import { JOIN_CODE_LENGTH, newJoinCode, normalizeJoinCode } from "./classes";

describe("join codes", () => {
  it("are 8 characters without look-alikes, and differ", () => {
    const codes = Array.from({ length: 200 }, newJoinCode);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[A-HJKMNP-Z2-9]{${JOIN_CODE_LENGTH}}$`));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("are read as people type them", () => {
    expect(normalizeJoinCode(" k7pm-qx3r ")).toBe("K7PMQX3R");
    expect(normalizeJoinCode("K7PM QX3R")).toBe("K7PMQX3R");
  });

  it("refuse what cannot be a code", () => {
    for (const typed of ["", "K7PMQX3", "K7PMQX3RR", "K7PMQX0R", "K7PMQXIR", "K7PM'QX3R"]) expect(normalizeJoinCode(typed)).toBeUndefined();
  });
});
