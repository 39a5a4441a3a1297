import "server-only";
import { run } from "@mdx-js/mdx";
import type { MDXContent } from "mdx/types";
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as runtime from "react/jsx-runtime";
import { compileLesson, type CompiledLesson } from "./compile";
import { cachedFromContent } from "./content-cache";
import { courseHrefs, readCourse, type Course, type LessonEntry, type ModuleEntry } from "./course";
import { ContentError } from "./problems";

const PROJECT_ROOT = process.cwd();
const CONTENT_DIR = path.join(PROJECT_ROOT, "content");

/**
 * The course outline, read once per process in production (on each change of
 * content/ in development). Throws a ContentError listing every problem:
 * broken content fails the build and shows on the dev server's error
 * overlay, never as a 404.
 */
export const getCourse: () => Promise<Course> = cachedFromContent(CONTENT_DIR, async () => {
  const { course, problems } = await readCourse(CONTENT_DIR, PROJECT_ROOT);
  if (problems.length > 0) throw new ContentError(problems);
  return course;
});

export type Lesson = {
  entry: LessonEntry;
  moduleEntry: ModuleEntry;
  Content: MDXContent;
  toc: CompiledLesson["toc"];
  cellCount: number;
  workload: CompiledLesson["workload"];
  previous?: LessonEntry;
  next?: LessonEntry;
};

const compiled = new Map<string, { key: string; result: Promise<CompiledLesson> }>();

export async function getLesson(moduleSlug: string, lessonSlug: string): Promise<Lesson | undefined> {
  const course = await getCourse();
  const index = course.lessons.findIndex((l) => l.moduleSlug === moduleSlug && l.slug === lessonSlug);
  const entry = course.lessons[index];
  const moduleEntry = course.modules.find((m) => m.slug === moduleSlug);
  if (!entry || !moduleEntry) return undefined;

  // Spelled out from "content" so the build traces only that folder into the server output.
  const source = await readFile(path.join(process.cwd(), "content", entry.moduleSlug, path.basename(entry.file)), "utf8");
  const { Content, toc, cellCount, workload } = await compileCached(entry.file, source, courseHrefs(course));
  return {
    entry,
    moduleEntry,
    Content,
    toc,
    cellCount,
    workload,
    previous: course.lessons[index - 1],
    next: course.lessons[index + 1],
  };
}

/**
 * A compiled MDX file (a lesson, or an exercise's prompt), ready to render.
 * Cached per file: compiling (Shiki, KaTeX) is the slow part, and the output
 * depends only on the source and the set of pages it may link to.
 */
export async function compileCached(file: string, source: string, knownHrefs: ReadonlySet<string>): Promise<CompiledLesson & { Content: MDXContent }> {
  const key = `${[...knownHrefs].join("\n")}\n${source}`;
  let cached = compiled.get(file);
  if (cached?.key !== key) {
    cached = { key, result: compileOrThrow(file, source, knownHrefs) };
    compiled.set(file, cached);
  }
  const lesson = await cached.result.catch((error: unknown) => {
    compiled.delete(file);
    throw error;
  });
  const { default: Content } = await run(lesson.code, { ...runtime, baseUrl: import.meta.url });
  return { ...lesson, Content };
}

async function compileOrThrow(file: string, source: string, knownHrefs: ReadonlySet<string>): Promise<CompiledLesson> {
  const { lesson, problems } = await compileLesson(file, source, knownHrefs);
  if (!lesson) throw new ContentError(problems);
  return lesson;
}
