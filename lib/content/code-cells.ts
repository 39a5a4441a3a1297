import type { Code, Root } from "mdast";
import "mdast-util-mdx-jsx";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";

/** Seconds a cell may run before the kernel is stopped, unless the author sets `timeout=`. */
export const DEFAULT_CELL_TIMEOUT_SECONDS = 60;
const CELL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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
    if (key === "id" && CELL_ID.test(value)) cell.id = value;
    else if (key === "timeout" && /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 3600) cell.timeoutSeconds = Number(value);
    else problems.push(word);
  }
  return { cell, problems };
}

/**
 * Turns every ```ts run fence into a <CodeCell> around the same code block,
 * which Shiki still highlights: the page shows the code at once as static
 * text, and the cell loads the editor and kernel only when used. Runs after
 * the lesson rules, so authors cannot write <CodeCell> themselves.
 */
export function remarkCodeCells() {
  return (tree: Root, file: VFile) => {
    let index = 0;
    const seen = new Set<string>();
    const isCell = (node: unknown) =>
      (node as Code).type === "code" || ((node as { type: string; name?: string }).type === "mdxJsxFlowElement" && (node as { name?: string }).name === "Exercise");
    visit(tree, isCell, (node, position, parent) => {
      // An exercise is a cell too: numbered with the others, so cells run and go stale in page order.
      if (node.type === "mdxJsxFlowElement") {
        index += 1;
        node.attributes.push({ type: "mdxJsxAttribute", name: "index", value: String(index) });
        file.data.cellCount = index;
        return;
      }
      const code = node as Code;
      const { cell } = parseCellMeta(code.meta);
      if (!cell || !parent || position === undefined) return;
      index += 1;
      const id = cell.id ?? `cell-${index}`;
      if (seen.has(id)) {
        const message = file.message(`two cells have the id \`${id}\``, { place: code.position?.start, ruleId: "code-cells", source: "descent" });
        message.note = "Give each runnable cell in a lesson a different `id=`, or leave `id=` out.";
      }
      seen.add(id);
      const attribute = (name: string, value: string) => ({ type: "mdxJsxAttribute", name, value });
      parent.children[position] = {
        type: "mdxJsxFlowElement",
        name: "CodeCell",
        attributes: [
          attribute("cellId", id),
          attribute("index", String(index)),
          attribute("timeoutSeconds", String(cell.timeoutSeconds)),
          attribute("code", code.value),
        ],
        children: [{ ...code, meta: null }],
      } as unknown as Code;
      file.data.cellCount = index;
    });
  };
}

declare module "vfile" {
  interface DataMap {
    cellCount: number;
  }
}
