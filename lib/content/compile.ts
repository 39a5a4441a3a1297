import { compile } from "@mdx-js/mdx";
import rehypeShiki from "@shikijs/rehype";
import type { Root as HastRoot } from "hast";
import { toString as hastToString } from "hast-util-to-string";
import rehypeKatex from "rehype-katex";
import rehypeSlug from "rehype-slug";
import { SKIP, visit } from "unist-util-visit";
import { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { remarkCodeCells } from "./code-cells";
import { CODE_LANGUAGES, remarkLessonRules } from "./lesson-rules";
import { LESSON_SYNTAX, syntaxProblem } from "./lesson-tree";
import { MDX_COMPONENTS } from "./mdx-components";
import type { ContentProblem } from "./problems";
import { rehypeStaticHtml } from "./static-html";
import type { Workload } from "@/lib/workload";

/** Shiki's colours for every code block on the site. The "-default" GitHub themes meet WCAG AA contrast for every token; the older ones do not. */
export const CODE_THEMES = { themes: { light: "github-light-default", dark: "github-dark-default" }, defaultColor: "light" } as const;

export type TocEntry = { id: string; text: string; depth: 2 | 3 };

export type CompiledLesson = {
  /** The lesson as the body of an async function, for `run` from @mdx-js/mdx. */
  code: string;
  toc: TocEntry[];
  /** Runnable code cells: a lesson with none needs no notebook. */
  cellCount: number;
  /** What its cells train, which picks its kernel's backend (workload.ts). */
  workload: Workload;
};

declare module "vfile" {
  interface DataMap {
    toc: TocEntry[];
  }
}

/** Collects the page's h2 and h3 headings (after rehype-slug gave them ids) for the table of contents. */
function rehypeCollectToc() {
  return (tree: HastRoot, file: VFile) => {
    const toc: TocEntry[] = [];
    visit(tree, "element", (node) => {
      const id = node.properties.id;
      if ((node.tagName === "h2" || node.tagName === "h3") && typeof id === "string") {
        toc.push({ id, text: hastToString(node).trim(), depth: node.tagName === "h2" ? 2 : 3 });
      }
    });
    file.data.toc = toc;
  };
}

/**
 * Lets keyboard users scroll what may be wider than a phone's screen: display
 * formulas and tables. A scrollable region must be focusable (Shiki already
 * does this for code blocks). Tables get a scrolling wrapper, since a table
 * element itself does not scroll well.
 */
function rehypeKeyboardScrolling() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node, index, parent) => {
      const classes = node.properties.className;
      if (Array.isArray(classes) && classes.includes("katex-display")) {
        node.properties.tabIndex = 0;
      } else if (node.tagName === "table" && parent && index !== undefined) {
        parent.children[index] = {
          type: "element",
          tagName: "div",
          properties: { className: ["table-scroll"], tabIndex: 0 },
          children: [node],
        };
        return SKIP;
      }
    });
  };
}

/**
 * Compiles one lesson's MDX: math typeset by KaTeX into HTML + MathML, code
 * highlighted by Shiki, both at build time so the page needs no client-side
 * rendering. Returns every problem found instead of throwing on the first.
 */
export async function compileLesson(
  file: string,
  source: string,
  knownHrefs: ReadonlySet<string>,
): Promise<{ lesson: CompiledLesson; problems: [] } | { lesson: undefined; problems: ContentProblem[] }> {
  const vfile = new VFile({ path: file, value: source });
  let code: string;
  try {
    const output = await compile(vfile, {
      outputFormat: "function-body",
      remarkPlugins: [
        ...LESSON_SYNTAX,
        [remarkLessonRules, { components: MDX_COMPONENTS, knownHrefs }],
        remarkCodeCells,
      ],
      rehypePlugins: [
        rehypeSlug,
        rehypeCollectToc,
        // strict: "error" makes KaTeX reject TeX it would otherwise render with a console warning.
        [rehypeKatex, { strict: "error", output: "htmlAndMathml" }],
        rehypeKeyboardScrolling,
        [
          rehypeShiki,
          {
            ...CODE_THEMES,
            langs: [...new Set(Object.values(CODE_LANGUAGES))].filter((lang) => lang !== "text"),
          },
        ],
        // Last: math and code are final HTML by now (static-html.ts).
        rehypeStaticHtml,
      ],
    });
    code = String(output);
  } catch (error) {
    return { lesson: undefined, problems: [syntaxProblem(file, error)] };
  }

  const problems = vfile.messages.map((message): ContentProblem => {
    const katex = message.source === "rehype-katex";
    const place = placeOf(message);
    return {
      file,
      ...place,
      message: katex ? `TeX error: ${describeKatexError(message.cause)}` : message.reason,
      fix: katex
        ? "Correct the TeX between the dollar signs; KaTeX supports most LaTeX math commands (see its 'Supported Functions' list). Use \\text{…} for words inside a formula."
        : (message.note ?? "See the README's authoring section."),
    };
  });
  if (problems.length > 0) return { lesson: undefined, problems };
  return { lesson: { code, toc: vfile.data.toc ?? [], cellCount: vfile.data.cellCount ?? 0, workload: vfile.data.workload ?? "dense" }, problems: [] };
}

/**
 * A message's own place, or else its nearest positioned ancestor's: the hast
 * element KaTeX reports for display math (`pre > code`) has no position of its
 * own, but its `pre` does.
 */
function placeOf(message: VFileMessage): { line: number; column: number } {
  if (message.line) return { line: message.line, column: message.column ?? 1 };
  const ancestors = (message.ancestors ?? []) as Array<{ position?: { start: { line: number; column: number } } }>;
  const start = ancestors.findLast((node) => node.position)?.position?.start;
  return start ? { line: start.line, column: start.column } : { line: 1, column: 1 };
}

/** KaTeX's message without the underlined copy of the source it appends. */
function describeKatexError(cause: unknown): string {
  const text = cause instanceof Error ? cause.message : String(cause);
  return text.replace(/^KaTeX parse error: /, "").replace(/ at position \d+:[\s\S]*$/, "");
}
