import { createElement } from "react";
import styleToJs from "style-to-js";

type StaticHtmlProps = { tag: "span" | "pre" | "div"; className?: string; style?: string; tabIndex?: string; html: string };

/**
 * A piece of a lesson rendered to HTML when the lesson was compiled (KaTeX
 * math, Shiki code: lib/content/static-html.ts), written as one string. The
 * HTML comes from our own compile of the course's files, never from a
 * learner or a request.
 */
export function StaticHtml({ tag, className, style, tabIndex, html }: StaticHtmlProps) {
  return createElement(tag, {
    className,
    style: style ? styleToJs(style) : undefined,
    tabIndex: tabIndex === undefined ? undefined : Number(tabIndex),
    dangerouslySetInnerHTML: { __html: html },
  });
}
