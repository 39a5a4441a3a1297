import type { Code, Root } from "mdast";
import type { MdxJsxFlowElement } from "mdast-util-mdx-jsx";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { SLUG_PATTERN } from "./schema";
import { workloadOf, type Workload } from "@/lib/workload";

/** Seconds a cell may run before the kernel is stopped, unless the author sets `timeout=`. */
export const DEFAULT_CELL_TIMEOUT_SECONDS = 60;

export type CellMeta = { id?: string; timeoutSeconds: number };

/**
 * Parses a fence's meta string. A runnable cell is written
 *
 *     ```ts run
 *     ```ts run id=train timeout=300
 *
 * Returns undefined for an ordinary code block, or the problems in the meta.
 */
export function parseCellMeta(meta: string | null | undefined): { cell?: CellMeta; problems: string[] } {
  const words = (meta ?? "").trim().split(/\s+/).filter(Boolean);
  if (!words.includes("run")) return { problems: [] };
  const cell: CellMeta = { timeoutSeconds: DEFAULT_CELL_TIMEOUT_SECONDS };
  const problems: string[] = [];
  for (const word of words.filter((w) => w !== "run")) {
    const [key, value = ""] = word.split("=", 2);
    if (key === "id" && SLUG_PATTERN.test(value)) cell.id = value;
    else if (key === "timeout" && /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 3600) cell.timeoutSeconds = Number(value);
    else problems.push(word);
  }
  return { cell, problems };
}

type Parent = { children: unknown[] };

/** A runnable cell or an exercise, numbered in page order as the page numbers them. */
export type FoundCell =
  | { kind: "code"; id: string; index: number; meta: CellMeta; node: Code; parent: Parent; position: number }
  | { kind: "exercise"; index: number; node: MdxJsxFlowElement };

/**
 * Every ```ts run fence and every <Exercise> of a lesson's tree, in page
 * order. An exercise is a cell too: numbered with the others, so cells run
 * and go stale in page order. A fence without `id=` is `cell-<index>`.
 */
export function findCells(tree: Root): FoundCell[] {
  const found: FoundCell[] = [];
  let index = 0;
  const isCell = (node: unknown) =>
    (node as Code).type === "code" || ((node as { type: string; name?: string }).type === "mdxJsxFlowElement" && (node as { name?: string }).name === "Exercise");
  visit(tree, isCell, (node, position, parent) => {
    if (node.type === "mdxJsxFlowElement") {
      found.push({ kind: "exercise", index: ++index, node: node as MdxJsxFlowElement });
      return;
    }
    const code = node as Code;
    const { cell } = parseCellMeta(code.meta);
    if (!cell || !parent || position === undefined) return;
    index += 1;
    found.push({ kind: "code", id: cell.id ?? `cell-${index}`, index, meta: cell, node: code, parent: parent as Parent, position });
  });
  return found;
}

/**
 * Turns every ```ts run fence into a <CodeCell> around the same code block,
 * which Shiki still highlights: the page shows the code at once as static
 * text, and the cell loads the editor and kernel only when used. Runs after
 * the lesson rules, so authors cannot write <CodeCell> themselves.
 */
export function remarkCodeCells() {
  return (tree: Root, file: VFile) => {
    const seen = new Set<string>();
    const attribute = (name: string, value: string) => ({ type: "mdxJsxAttribute", name, value });
    const cells = findCells(tree);
    for (const cell of cells) {
      if (cell.kind === "exercise") {
        cell.node.attributes.push(attribute("index", String(cell.index)) as MdxJsxFlowElement["attributes"][number]);
        continue;
      }
      const { id, index, meta, node, parent, position } = cell;
      if (seen.has(id)) {
        const message = file.message(`two cells have the id \`${id}\``, { place: node.position?.start, ruleId: "code-cells", source: "descent" });
        message.note = "Give each runnable cell in a lesson a different `id=`, or leave `id=` out.";
      }
      seen.add(id);
      parent.children[position] = {
        type: "mdxJsxFlowElement",
        name: "CodeCell",
        attributes: [attribute("cellId", id), attribute("index", String(index)), attribute("timeoutSeconds", String(meta.timeoutSeconds)), attribute("code", node.value)],
        children: [{ ...node, meta: null }],
      };
    }
    if (cells.length > 0) file.data.cellCount = cells.at(-1)!.index;
    file.data.workload = workloadOf(cells.map((cell) => (cell.kind === "code" ? cell.node.value : "")));
  };
}

declare module "vfile" {
  interface DataMap {
    cellCount: number;
    workload: Workload;
  }
}
