import type { ComponentType } from "react";
import { z } from "zod";
import { CALLOUT_KINDS, Callout } from "./callout";
import { Reveal } from "./reveal";

type RegisteredComponent = {
  /** Absent for components the lesson page supplies itself (Exercise, which reads exercises on the server). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry's props are checked by its own schema below
  component?: ComponentType<any>;
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
  Exercise: {
    props: z.strictObject({ id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be an exercise folder name") }),
    example: '<Exercise id="losses" />',
  },
} satisfies Record<string, RegisteredComponent>;

export type MdxComponentName = keyof typeof mdxComponentRegistry;

/** The components the registry renders itself; the page adds the ones it supplies (CodeCell, Exercise). */
export const mdxComponents = { Callout, Reveal };
