import * as tf from "@tensorflow/tfjs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { diskAssets } from "@/test/lesson-kernel";
import { createData } from "./datasets";
import { createDisplay } from "./display";

const declarations = readFileSync(path.join(import.meta.dirname, "cell-globals.d.ts"), "utf8");

/** The members the editor's declaration gives one global, e.g. `display` → chart, progress, … */
function declaredMembers(name: string): string[] {
  const block = new RegExp(`declare const ${name}: \\{([\\s\\S]*?)\\n\\};`).exec(declarations)?.[1] ?? "";
  return [...block.matchAll(/^ {2}(\w+)\(/gm)].map((m) => m[1]!).sort();
}

describe("the editor's declarations of cell globals", () => {
  it("declare tf, display and data", () => {
    expect([...declarations.matchAll(/^declare const (\w+)/gm)].map((m) => m[1])).toEqual(["tf", "display", "data"]);
  });

  it("list exactly the display helpers the kernel defines", () => {
    expect(declaredMembers("display")).toEqual(Object.keys(createDisplay(tf, () => {})).sort());
  });

  it("list exactly the data helpers the kernel defines", () => {
    expect(declaredMembers("data")).toEqual(Object.keys(createData(tf, diskAssets)).sort());
  });
});
