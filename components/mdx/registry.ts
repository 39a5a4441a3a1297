import type { ComponentType } from "react";
import { z } from "zod";
import { CALLOUT_KINDS, Callout } from "./callout";
import { Reveal } from "./reveal";

type RegisteredComponent = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry's props are checked by its own schema below
  component: ComponentType<any>;
  /** Attributes an author may write, all as string literals; checked by content:check. */
  props: z.ZodType;
  example: string;
};

/**
 * The one list of components a lesson may use. Any other JSX tag in an .mdx
 * file is a content error, so every tag an author writes is one we render,
 * style and test.
 */
export const mdxComponentRegistry = {
  Callout: {
    component: Callout,
    props: z.strictObject({ kind: z.enum(CALLOUT_KINDS).optional(), title: z.string().min(1).optional() }),
    example: '<Callout kind="tip">…</Callout>',
  },
  Reveal: {
    component: Reveal,
    props: z.strictObject({ summary: z.string().min(1).optional() }),
    example: '<Reveal summary="Show the answer">…</Reveal>',
  },
} satisfies Record<string, RegisteredComponent>;

export type MdxComponentName = keyof typeof mdxComponentRegistry;

export const mdxComponents = Object.fromEntries(
  Object.entries(mdxComponentRegistry).map(([name, entry]) => [name, entry.component]),
) as { [Name in MdxComponentName]: (typeof mdxComponentRegistry)[Name]["component"] };
