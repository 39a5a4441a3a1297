/**
 * Runs a lesson's own cells in Node, for the lesson's tests: the cells are
 * read from the MDX by id, prepared exactly as the browser kernel prepares
 * them (prepareCell), and run in one shared global scope with `tf`, `data`
 * (MNIST and the text corpus read from disk) and a `display` that records what it is given.
 */
import * as tf from "@tensorflow/tfjs";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { findCells } from "@/lib/content/code-cells";
import { parseLesson } from "@/lib/content/lesson-tree";
import { createData, type ReadAsset } from "@/lib/kernel/datasets";
import { createDisplay, type SketchCallback } from "@/lib/kernel/display";
import { prepareCell } from "@/lib/cell-runtime/prepare-cell";
import type { CellOutput } from "@/lib/kernel/protocol";
import { prepareMnist } from "@/scripts/mnist-files";
import { prepareText } from "@/scripts/text-files";

const root = path.resolve(import.meta.dirname, "..");

/** The site's files from public/, with MNIST or the text corpus written there first if it is missing. */
export const diskAssets: ReadAsset = async (asset) => {
  if (asset.startsWith("data/mnist/")) prepareMnist(root);
  if (asset.startsWith("data/text/")) prepareText(root);
  const bytes = await readFile(path.join(root, "public", asset));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
};

/** Every ```ts run cell of a lesson, by id, numbered exactly as the lesson page numbers them. */
export function lessonCells(mdxPath: string): Map<string, string> {
  const tree = parseLesson(mdxPath, readFileSync(path.resolve(root, mdxPath), "utf8"));
  return new Map(findCells(tree).flatMap((cell) => (cell.kind === "code" ? [[cell.id, cell.node.value] as const] : [])));
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (body: string) => () => Promise<unknown>;

/** A kernel in this process: run cells in order; `outputs` collects everything displayed or logged. */
export function createLessonKernel(mdxPath: string) {
  const cells = lessonCells(mdxPath);
  const outputs: CellOutput[] = [];
  const sketches = new Map<string, SketchCallback>();
  const scope = globalThis as Record<string, unknown>;
  scope.tf = tf;
  scope.data = createData(tf, diskAssets);
  scope.display = createDisplay(tf, (output) => outputs.push(output), sketches);

  return {
    outputs,
    sketches,
    /** Runs the cell with this id (or the given code in its place, as a learner's edit) and returns its value. */
    async run(id: string, code = cells.get(id)): Promise<unknown> {
      if (code === undefined) throw new Error(`${mdxPath} has no cell with id=${id}`);
      const originalLog = console.log;
      console.log = (...args: unknown[]) => outputs.push({ kind: "log", level: "log", text: args.map(String).join(" ") });
      try {
        return await new AsyncFunction(prepareCell(code, `${id}.js`)).call(undefined);
      } finally {
        console.log = originalLog;
      }
    },
    /** The cell's source as the lesson has it. */
    code(id: string): string {
      const code = cells.get(id);
      if (code === undefined) throw new Error(`${mdxPath} has no cell with id=${id}`);
      return code;
    },
  };
}
