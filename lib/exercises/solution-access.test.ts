import { describe, expect, it } from "vitest";
import { codeFingerprint, countAttempts } from "./solution-access";

describe("what counts as new code for the solution reveal", () => {
  it("ignores comments, whitespace and type annotations, not a changed token", () => {
    expect(codeFingerprint("function f(a: number) {\n  // hi\n  return a + 1;\n}")).toBe(codeFingerprint("function f(a){return a+1;} /* bye */"));
    expect(codeFingerprint("function f(a) { return a + 1; }")).not.toBe(codeFingerprint("function f(a) { return a + 2; }"));
    expect(codeFingerprint("// only a comment\n  \n")).toBe("");
  });

  it("counts distinct codes that are neither blank nor the starter, up to what is needed", () => {
    expect(countAttempts(["", "// x", "f(1)", "f( 1 )", "f(2)", "f(3)"], "f(0)", 2)).toBe(2);
    expect(countAttempts(["", "// x", "f(1)", "f( 1 )", "f(2)", "f(3)"], "f(0)", 10)).toBe(3);
    expect(countAttempts(["f(0)", "f(0) // the starter, commented"], "f(0)", 3)).toBe(0);
  });
});
