/**
 * Freezes what a lesson's compile has already rendered to HTML, KaTeX's math
 * and Shiki's code, into one string each: a `<StaticHtml>` element
 * (components/mdx/static-html.tsx) that React writes with
 * dangerouslySetInnerHTML. Left as element trees, every span of every
 * formula and every coloured token would travel twice in a lesson's page,
 * once as HTML and once as React's payload, and React would walk each of
 * them to hydrate the page. As strings, the payload carries the HTML once
 * and hydration skips what it cannot change anyway.
 *
 * Only an element whose own properties React can set from a string (class,
 * style, tab stop) is frozen; anything else is left as it was.
 */
import type { Element, Root as HastRoot } from "hast";
import { toHtml } from "hast-util-to-html";
import { SKIP, visit } from "unist-util-visit";

/** The classes of the rendered outputs to freeze: KaTeX's inline and display math, Shiki's code blocks. */
const FROZEN_CLASSES = ["katex-display", "katex", "shiki"];
/** Properties as rehype plugins write them: KaTeX's are parsed HTML (className, an array), Shiki's are its own (class, a string). */
const FREEZABLE_PROPERTIES = new Set(["className", "class", "style", "tabIndex", "tabindex"]);
const FREEZABLE_TAGS = new Set(["span", "pre", "div"]);

function classesOf(node: Element): string[] {
  const { className, class: classAttribute } = node.properties;
  if (Array.isArray(className)) return className.map(String);
  return typeof classAttribute === "string" ? classAttribute.split(/\s+/).filter(Boolean) : [];
}

function isFreezable(node: Element): boolean {
  return (
    FREEZABLE_TAGS.has(node.tagName) &&
    classesOf(node).some((name) => FROZEN_CLASSES.includes(name)) &&
    Object.keys(node.properties).every((name) => FREEZABLE_PROPERTIES.has(name))
  );
}

export function rehypeStaticHtml() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node, index, parent) => {
      if (!parent || index === undefined || !isFreezable(node)) return;
      const { style, tabIndex = node.properties.tabindex } = node.properties;
      const attribute = (name: string, value: unknown) => (value === undefined ? [] : [{ type: "mdxJsxAttribute" as const, name, value: String(value) }]);
      parent.children[index] = {
        type: node.tagName === "span" ? "mdxJsxTextElement" : "mdxJsxFlowElement",
        name: "StaticHtml",
        attributes: [
          ...attribute("tag", node.tagName),
          ...attribute("className", classesOf(node).join(" ")),
          ...attribute("style", style),
          ...attribute("tabIndex", tabIndex),
          ...attribute("html", toHtml(node.children)),
        ],
        children: [],
      } as unknown as Element; // an MDX JSX element, which hast-util-to-estree compiles like any component
      return SKIP;
    });
  };
}
