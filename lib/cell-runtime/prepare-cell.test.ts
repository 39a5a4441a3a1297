import { describe, expect, it } from "vitest";
import { CellSyntaxError, prepareCell } from "./prepare-cell";
import { locateInStack } from "./stack-location";

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (body: string) => () => Promise<unknown>;

/** Runs prepared cells one after another in a shared scope, as the kernel does. */
async function runCells(...cells: string[]): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const [index, cell] of cells.entries()) {
    results.push(await new AsyncFunction(prepareCell(cell, `cell-${index}.js`))());
  }
  return results;
}

describe("prepareCell", () => {
  it("shares top-level declarations between cells and returns the last expression", async () => {
    const results = await runCells("const a = 2;\nlet b = 3, c;", "function twice(x: number) { return 2 * x }", "class Box { constructor(public v: number) {} }", "twice(a) + b + (c === undefined ? 1 : 0) + new Box(4).v");
    expect(results).toEqual([undefined, undefined, undefined, 12]);
  });

  it("lets a cell be run twice, even with const", async () => {
    const results = await runCells("const again = 1; again", "const again = 2; again");
    expect(results).toEqual([1, 2]);
  });

  it("supports destructuring declarations", async () => {
    expect(await runCells("const { p, q: [r] } = { p: 1, q: [2] };\nconst [s, ...t] = [3, 4, 5];\np + r + s + t.length")).toEqual([8]);
  });

  it("supports top-level await", async () => {
    expect(await runCells("const v = await Promise.resolve(41);\nv + 1")).toEqual([42]);
  });

  it("transpiles TypeScript, types and all", async () => {
    const cell = "interface P { x: number }\ntype N = number;\nconst p: P = { x: 1 } as P;\nconst n = <N>(p.x + 1);\nenum E { A = 5 }\nn + E.A";
    expect(await runCells(cell)).toEqual([7]);
  });

  it("keeps lines where they were, so errors point at the learner's line", async () => {
    const cell = "// one\nconst x = 1;\n\ninterface I { a: string }\nthrow new Error('boom on line 5');";
    const error = await runCells(cell).catch((e: Error) => e);
    expect(locateInStack((error as Error).stack, "cell-0.js")).toEqual({ line: 5, column: expect.any(Number) });
  });

  it("does not return a value when the cell ends with a declaration or a statement", async () => {
    expect(await runCells("const k = 1;", "if (k) { k + 1 }")).toEqual([undefined, undefined]);
  });

  it("drops imports of tfjs, and refuses other imports and exports with their line", () => {
    expect(prepareCell('import * as tf from "@tensorflow/tfjs";\n1', "c.js")).not.toContain("import");
    expect(() => prepareCell('\nimport fs from "node:fs";', "c.js")).toThrow(expect.objectContaining({ line: 2, message: expect.stringContaining('import "node:fs"') }));
    expect(() => prepareCell("export const a = 1;", "c.js")).toThrow(CellSyntaxError);
  });

  it("reports a syntax error with its line and column", () => {
    try {
      prepareCell("const ok = 1;\nconst = 2;", "c.js");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CellSyntaxError);
      expect((error as CellSyntaxError).line).toBe(2);
    }
  });
});
