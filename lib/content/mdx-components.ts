import { z } from "zod";
import { SLUG_PATTERN } from "./schema";

export const CALLOUT_KINDS = ["note", "tip", "warning", "mistake"] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

export type MdxComponentRule = {
  /** Attributes an author may write, all as string literals; checked by content:check. */
  props: z.ZodType;
  example: string;
};

/**
 * The one list of components a lesson may use. Any other JSX tag in an .mdx
 * file is a content error, so every tag an author writes is one we render,
 * style and test. components/mdx/ renders them.
 */
export const MDX_COMPONENTS = {
  Callout: {
    props: z.strictObject({ kind: z.enum(CALLOUT_KINDS).optional(), title: z.string().min(1).optional() }),
    example: '<Callout kind="tip">…</Callout>',
  },
  Reveal: {
    props: z.strictObject({ summary: z.string().min(1).optional() }),
    example: '<Reveal summary="Show the answer">…</Reveal>',
  },
  Exercise: {
    props: z.strictObject({ id: z.string().regex(SLUG_PATTERN, "must be an exercise folder name") }),
    example: '<Exercise id="losses" />',
  },
} satisfies Record<string, MdxComponentRule>;

export type MdxComponentName = keyof typeof MDX_COMPONENTS;
