import { z } from "zod";
import type { FieldHints } from "./parse-yaml";

/** URL-safe names: lower-case words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(SLUG_PATTERN, "must be lower-case words joined by hyphens, e.g. `gradient-descent`");

export const lessonFrontmatterSchema = z.strictObject({
  title: z.string().trim().min(1).max(100),
  summary: z.string().trim().min(1).max(300),
  order: z.int().positive(),
  objectives: z.array(z.string().trim().min(1)).min(1).max(8),
  minutes: z.int().positive().max(240),
  slug: slug.optional(),
});
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

export const lessonFrontmatterHints: FieldHints = {
  title: "Give the lesson a title of at most 100 characters, e.g. `title: Gradient descent`.",
  summary: "Give a one- or two-sentence summary (at most 300 characters) for the course page.",
  order: "Give the lesson's position in its module as a whole number, e.g. `order: 2`; each lesson in a module needs a different one.",
  objectives: "List what a learner will be able to do after the lesson, one per line as `- Explain …` (1 to 8 items).",
  minutes: "Give the estimated time to complete the lesson in whole minutes, e.g. `minutes: 25`.",
  slug: "Optional: the lesson's URL name, lower-case words joined by hyphens; by default it is the file name.",
};

export const moduleSchema = z.strictObject({
  title: z.string().trim().min(1).max(100),
  summary: z.string().trim().min(1).max(300),
  order: z.int().positive(),
});
export type ModuleInfo = z.infer<typeof moduleSchema>;

export const moduleHints: FieldHints = {
  title: "Give the module a title of at most 100 characters, e.g. `title: Learning from data`.",
  summary: "Give a one- or two-sentence summary (at most 300 characters) for the course page.",
  order: "Give the module's position in the course as a whole number, e.g. `order: 1`; each module needs a different one.",
};
