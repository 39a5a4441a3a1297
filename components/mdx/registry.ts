import type { ComponentType } from "react";
import type { MdxComponentName } from "@/lib/content/mdx-components";
import { Callout } from "./callout";
import { Reveal } from "./reveal";
import { StaticHtml } from "./static-html";

/**
 * The React components for lib/content/mdx-components.ts's list that render
 * themselves; the lesson page adds the ones it supplies (CodeCell, Exercise).
 */
export const mdxComponents = { Callout, Reveal } satisfies Partial<Record<MdxComponentName, ComponentType<never>>>;

/** What every compiled lesson or prompt needs besides: the math and code its compile froze to HTML (lib/content/static-html.ts). */
export const compiledMdxComponents = { ...mdxComponents, StaticHtml };
