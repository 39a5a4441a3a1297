import { run } from "@mdx-js/mdx";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import * as runtime from "react/jsx-runtime";
import { describe, expect, it } from "vitest";
import katex from "katex";
import { codeToHtml } from "shiki";
import { compiledMdxComponents } from "@/components/mdx/registry";
import { CODE_THEMES, compileLesson } from "./compile";

const FRONTMATTER = "---\ntitle: T\nsummary: S\norder: 1\nminutes: 1\nobjectives: [x]\n---\n";
const knownHrefs = new Set(["/", "/learn/basics/first"]);

async function compileBody(body: string) {
  return compileLesson("content/test/lesson.mdx", FRONTMATTER + body, knownHrefs);
}

async function renderBody(body: string): Promise<string> {
  const { lesson, problems } = await compileBody(body);
  expect(problems).toEqual([]);
  const { default: Content } = await run(lesson!.code, { ...runtime, baseUrl: import.meta.url });
  return renderToStaticMarkup(createElement(Content, { components: compiledMdxComponents }));
}

/** Problems as `line:column message`, with lines counted in the whole file (frontmatter is 7 lines). */
async function problemsIn(body: string): Promise<string[]> {
  const { problems } = await compileBody(body);
  return problems.map((p) => `${p.line}:${p.column} ${p.message}`);
}

describe("compileLesson renders", () => {
  it("math and code as HTML strings in the compiled lesson, rendered exactly as KaTeX and Shiki wrote them", async () => {
    const body = "Inline $a^2$.\n\n$$\n\\sum_i x_i\n$$\n\n```ts\nconst x = tf.scalar(1);\n```\n";
    const { lesson } = await compileBody(body);
    // One element with a string each, not a tree of spans: three StaticHtml elements, and no KaTeX or Shiki span left in the code's JSX.
    expect(lesson!.code.match(/_jsx\(StaticHtml, \{/g)).toHaveLength(3);
    expect(lesson!.code).not.toContain('className: "mord');
    expect(lesson!.code).not.toContain('className: "line"');
    const html = await renderBody(body);
    expect(html).toContain(await codeToHtml("const x = tf.scalar(1);", { lang: "ts", ...CODE_THEMES }));
    expect(html).toContain(katex.renderToString("a^2", { output: "htmlAndMathml", strict: "error" }));
    const display = katex.renderToString("\\sum_i x_i", { output: "htmlAndMathml", strict: "error", displayMode: true });
    expect(html).toContain(display.replace('<span class="katex-display">', '<span class="katex-display" tabindex="0">'));
  });

  it("inline and display math as KaTeX HTML with MathML, on the server", async () => {
    const html = await renderBody("Inline $a^2 + b^2$.\n\n$$\n\\frac{1}{n}\\sum_i x_i\n$$\n");
    expect(html).toContain('<span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML">');
    expect(html).toContain('<span class="katex-display" tabindex="0">');
    expect(html).toContain('<annotation encoding="application/x-tex">\\frac{1}{n}\\sum_i x_i</annotation>');
    expect(html).toContain('class="katex-html"');
  });

  it("code highlighted at build time in light and dark themes", async () => {
    const html = await renderBody("```ts\nconst x = tf.scalar(1);\n```\n");
    expect(html).toMatch(/<pre class="shiki shiki-themes github-light-default github-dark-default"/);
    expect(html).toContain("--shiki-dark:");
  });

  it("headings with ids and collects the table of contents", async () => {
    const { lesson } = await compileBody("## Mean squared error\n\n### A worked example\n\n## Recap\n");
    expect(lesson?.toc).toEqual([
      { id: "mean-squared-error", text: "Mean squared error", depth: 2 },
      { id: "a-worked-example", text: "A worked example", depth: 3 },
      { id: "recap", text: "Recap", depth: 2 },
    ]);
  });

  it("the listed components, and braces inside math", async () => {
    const html = await renderBody('<Callout kind="mistake">The set $\\{1, 2\\}$.</Callout>\n\n<Reveal summary="Why?">Because.</Reveal>\n');
    expect(html).toContain('class="callout callout-mistake"');
    expect(html).toContain("Common mistake");
    expect(html).toContain("<summary>Why?</summary>");
  });
});

describe("compileLesson reports, with the line and column in the file", () => {
  it("TeX that KaTeX cannot parse", async () => {
    expect(await problemsIn("Some $\\fracc{a}{b}$.\n")).toEqual(["8:6 TeX error: Undefined control sequence: \\fracc"]);
  });

  it("unicode text in math mode, which KaTeX would only warn about", async () => {
    expect(await problemsIn("$$\nx = é\n$$\n")).toEqual([expect.stringMatching(/^8:1 TeX error: .*unicodeTextInMathMode/)]);
  });

  it("an unknown component, suggesting the nearest allowed one", async () => {
    const { problems } = await compileBody("\n<Calout>x</Calout>\n");
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual(["9:1 unknown component `<Calout>`"]);
    expect(problems[0]?.fix).toContain("Did you mean `<Callout>`?");
  });

  it("plain HTML tags, which are not on the component list either", async () => {
    expect(await problemsIn("<div>hi</div>\n")).toEqual(["8:1 unknown component `<div>`"]);
  });

  it("a bad component attribute", async () => {
    expect(await problemsIn('<Callout kind="danger">x</Callout>\n')).toEqual([
      expect.stringMatching(/^8:1 `<Callout>` attribute `kind`: Invalid option/),
    ]);
    expect(await problemsIn('<Reveal colour="red">x</Reveal>\n')).toEqual(["8:1 `<Reveal>` unknown attribute `colour`"]);
  });

  it("imports, exports and expressions", async () => {
    expect(await problemsIn('import x from "y"\n\nA set {1, 2}.\n')).toEqual([
      "8:1 lessons may not import or export code",
      "10:7 `{…}` is a JavaScript expression in MDX, which lessons may not use",
    ]);
  });

  it("an unknown code language, a second page title and a broken internal link", async () => {
    expect(await problemsIn("```pyhton\nx\n```\n\n# Title\n\n[see](/learn/basics/nope)\n")).toEqual([
      "8:1 unknown code language `pyhton`",
      "12:1 a `#` heading would be a second page title",
      "14:1 link to `/learn/basics/nope`, which is not a page of this course",
    ]);
  });

  it("an MDX syntax error", async () => {
    const problems = await problemsIn("Text <div\n");
    expect(problems).toEqual([expect.stringMatching(/^8:10 MDX syntax error: /)]);
  });
});
