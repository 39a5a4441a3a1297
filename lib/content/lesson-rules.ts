import { closest, distance } from "fastest-levenshtein";
import type { Root } from "mdast";
import type { Node } from "unist";
import { visit } from "unist-util-visit";
import { parseCellMeta } from "./code-cells";
import type { VFile } from "vfile";
import type { z } from "zod";

/** Code fence languages a lesson may use, each highlighted at build time. */
export const CODE_LANGUAGES = {
  typescript: "typescript",
  ts: "typescript",
  javascript: "javascript",
  js: "javascript",
  tsx: "tsx",
  jsx: "jsx",
  json: "json",
  bash: "bash",
  sh: "bash",
  python: "python",
  py: "python",
  text: "text",
} as const;

export type LessonRulesOptions = {
  components: Record<string, { props: z.ZodType; example: string }>;
  /** Every page a lesson may link to with a site-absolute link (`/learn/…`). */
  knownHrefs: ReadonlySet<string>;
};

type Position = { start: { line: number; column: number } };
type JsxAttribute = { type: string; name?: string; value?: unknown };
type LessonNode = Node & {
  name?: string | null;
  attributes?: JsxAttribute[];
  value?: string;
  lang?: string | null;
  depth?: number;
  url?: string;
  meta?: string | null;
};

const RUNNABLE_LANGUAGES = new Set(["ts", "typescript", "js", "javascript"]);

/**
 * A remark plugin that reports what an author must fix before a lesson is
 * served: tags not on the component list, bad component attributes, imports
 * and code expressions, unsupported code languages, a second page title, and
 * links to pages that do not exist. Each report is a vfile message whose
 * `note` says how to fix it.
 */
export function remarkLessonRules(options: LessonRulesOptions) {
  const names = Object.keys(options.components);
  return (tree: Root, file: VFile) => {
    const report = (node: Node, reason: string, fix: string) => {
      const message = file.message(reason, { place: (node.position as Position | undefined)?.start, ruleId: "lesson-rules", source: "descent" });
      message.note = fix;
    };

    visit(tree, (node: LessonNode) => {
      switch (node.type) {
        case "mdxjsEsm":
          report(node, "lessons may not import or export code", `Remove the statement; the components ${names.join(", ")} are available without an import.`);
          break;
        case "mdxFlowExpression":
        case "mdxTextExpression":
          if (!isComment(node.value ?? "")) {
            report(node, "`{…}` is a JavaScript expression in MDX, which lessons may not use", "To show a brace in prose write `\\{` and `\\}`; in formulas, braces inside `$…$` are fine.");
          }
          break;
        case "mdxJsxFlowElement":
        case "mdxJsxTextElement":
          checkComponent(node, options.components, names, report);
          break;
        case "code": {
          if (node.lang && !(node.lang in CODE_LANGUAGES)) {
            report(node, `unknown code language \`${node.lang}\``, `Use one of: ${Object.keys(CODE_LANGUAGES).join(", ")}.`);
          }
          const { cell, problems } = parseCellMeta(node.meta);
          if (cell && !RUNNABLE_LANGUAGES.has(node.lang ?? "")) {
            report(node, `a runnable cell must be TypeScript or JavaScript, not \`${node.lang ?? "plain text"}\``, "Write the fence as ```ts run (or ```js run).");
          }
          for (const word of problems) {
            report(node, `unknown cell option \`${word}\``, "A runnable cell takes `id=<lower-case-name>` and `timeout=<seconds, 1 to 3600>`, e.g. ```ts run id=train timeout=300.");
          }
          break;
        }
        case "heading":
          if (node.depth === 1) {
            report(node, "a `#` heading would be a second page title", "The frontmatter `title` is the page's title; start sections at `##`.");
          }
          break;
        case "link":
          if (node.url?.startsWith("/") && !options.knownHrefs.has(node.url.split("#")[0] ?? "")) {
            report(node, `link to \`${node.url}\`, which is not a page of this course`, "Link to a lesson as `/learn/<module>/<lesson>`, using the folder and file names in content/.");
          }
          break;
      }
    });
  };
}

function checkComponent(
  node: LessonNode,
  components: LessonRulesOptions["components"],
  names: string[],
  report: (node: Node, reason: string, fix: string) => void,
) {
  const name = node.name ?? "";
  const entry = components[name];
  if (!entry) {
    const suggestion = name ? nearestName(name, names) : undefined;
    report(
      node,
      name ? `unknown component \`<${name}>\`` : "JSX fragments `<>…</>` are not allowed",
      `${suggestion ? `Did you mean \`<${suggestion}>\`? ` : ""}Lessons may use only: ${names.join(", ")}. Write plain Markdown for anything else.`,
    );
    return;
  }
  const props: Record<string, string | true> = {};
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== "mdxJsxAttribute" || !attribute.name || (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== "string")) {
      report(node, `\`<${name}>\` attributes must be plain strings`, `Write attributes as \`name="value"\`, e.g. ${entry.example}.`);
      return;
    }
    props[attribute.name] = attribute.value ?? true;
  }
  const result = entry.props.safeParse(props);
  if (!result.success) {
    const issue = result.error.issues[0];
    const detail =
      issue?.code === "unrecognized_keys"
        ? `unknown attribute \`${issue.keys.join("`, `")}\``
        : `attribute \`${String(issue?.path[0] ?? "")}\`: ${issue?.message ?? "invalid"}`;
    report(node, `\`<${name}>\` ${detail}`, `For example: ${entry.example}.`);
  }
}

function isComment(expression: string): boolean {
  return /^\s*\/\*[\s\S]*\*\/\s*$/.test(expression);
}

/** The allowed name nearest to a misspelling, if it is near enough to be a typo. */
function nearestName(name: string, candidates: string[]): string | undefined {
  const candidate = closest(name, candidates);
  return distance(name.toLowerCase(), candidate.toLowerCase()) <= Math.max(2, Math.floor(name.length / 3)) ? candidate : undefined;
}
