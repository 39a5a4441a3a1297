import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { keyLines, parseYamlWithSchema, type YamlSource } from "./parse-yaml";
import type { ContentProblem } from "./problems";
import {
  lessonFrontmatterHints,
  lessonFrontmatterSchema,
  moduleHints,
  moduleSchema,
  SLUG_PATTERN,
  type LessonFrontmatter,
  type ModuleInfo,
} from "./schema";

export const MODULE_FILE = "module.yaml";

export type LessonEntry = LessonFrontmatter & {
  slug: string;
  moduleSlug: string;
  /** Path from the project root, as shown in problem reports. */
  file: string;
  /** Line of each frontmatter field, so later checks can point at it. */
  lines: Record<string, number>;
  href: string;
};

export type ModuleEntry = ModuleInfo & {
  slug: string;
  file: string;
  lines: Record<string, number>;
  href: string;
  lessons: LessonEntry[];
};

export type Course = {
  modules: ModuleEntry[];
  /** Every lesson in reading order: module by module, lesson by lesson. */
  lessons: LessonEntry[];
};

export function lessonHref(moduleSlug: string, lessonSlug: string): string {
  return `/learn/${moduleSlug}/${lessonSlug}`;
}

/** Every page of the course, for checking the links lessons make to each other. */
/** The site's own pages a lesson may link to besides lessons and modules (app/ routes for learners). */
const SITE_PAGES = ["/", "/assignments", "/models", "/account"];

export function courseHrefs(course: Course): Set<string> {
  return new Set([...SITE_PAGES, ...course.modules.map((m) => m.href), ...course.lessons.map((l) => l.href)]);
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/** Splits a lesson file into its YAML frontmatter (with its first line number) and body. */
export function splitFrontmatter(file: string, source: string): YamlSource | undefined {
  const match = FRONTMATTER.exec(source);
  return match ? { file, text: match[1] ?? "", firstLine: 2 } : undefined;
}

/**
 * Reads the course outline (modules and lesson frontmatter, not lesson bodies)
 * and reports every problem in it, rather than stopping at the first.
 */
export async function readCourse(
  contentDir: string,
  projectRoot = process.cwd(),
): Promise<{ course: Course; problems: ContentProblem[] }> {
  const problems: ContentProblem[] = [];
  const modules: ModuleEntry[] = [];
  const relative = (p: string) => path.relative(projectRoot, p).split(path.sep).join("/");

  const entries = await readdir(contentDir, { withFileTypes: true });
  for (const dir of entries.filter((e) => e.isDirectory()).sort(byName)) {
    const dirPath = path.join(contentDir, dir.name);
    const moduleFile = relative(path.join(dirPath, MODULE_FILE));
    const files = (await readdir(dirPath, { withFileTypes: true })).filter((e) => e.isFile()).sort(byName);

    if (!files.some((f) => f.name === MODULE_FILE)) {
      problems.push({
        file: relative(dirPath),
        line: 1,
        column: 1,
        message: `folder has no ${MODULE_FILE}, so it is not a module`,
        fix: `Add ${moduleFile} with title, summary and order (see the README's authoring section), or move the folder out of content/.`,
      });
      continue;
    }
    if (!SLUG_PATTERN.test(dir.name)) {
      problems.push({
        file: moduleFile,
        line: 1,
        column: 1,
        message: `module folder name \`${dir.name}\` is not a valid URL name`,
        fix: "Rename the folder to lower-case words joined by hyphens, e.g. `content/learning-from-data`.",
      });
      continue;
    }

    const moduleText = await readFile(path.join(dirPath, MODULE_FILE), "utf8");
    const moduleSource = { file: moduleFile, text: moduleText, firstLine: 1 };
    const parsedModule = parseYamlWithSchema(moduleSource, moduleSchema, moduleHints);
    problems.push(...parsedModule.problems);

    const lessons: LessonEntry[] = [];
    for (const file of files) {
      if (file.name === MODULE_FILE) continue;
      const lessonFile = relative(path.join(dirPath, file.name));
      if (file.name.endsWith(".md")) {
        problems.push({
          file: lessonFile,
          line: 1,
          column: 1,
          message: "lessons must be .mdx files; this .md file would be ignored",
          fix: `Rename it to ${file.name}x.`,
        });
        continue;
      }
      if (!file.name.endsWith(".mdx")) continue;

      const source = await readFile(path.join(dirPath, file.name), "utf8");
      const frontmatter = splitFrontmatter(lessonFile, source);
      if (!frontmatter) {
        problems.push({
          file: lessonFile,
          line: 1,
          column: 1,
          message: "the lesson has no frontmatter",
          fix: "Start the file with a `---` line, then title, summary, order, objectives and minutes, then another `---` line.",
        });
        continue;
      }
      const parsed = parseYamlWithSchema(frontmatter, lessonFrontmatterSchema, lessonFrontmatterHints);
      problems.push(...parsed.problems);
      if (!parsed.data) continue;

      const slug = parsed.data.slug ?? file.name.slice(0, -".mdx".length);
      if (!SLUG_PATTERN.test(slug)) {
        problems.push({
          file: lessonFile,
          line: 1,
          column: 1,
          message: `file name \`${file.name}\` is not a valid URL name`,
          fix: "Rename the file to lower-case words joined by hyphens, e.g. `loss-functions.mdx`, or set `slug:` in the frontmatter.",
        });
        continue;
      }
      lessons.push({
        ...parsed.data,
        slug,
        moduleSlug: dir.name,
        file: lessonFile,
        lines: keyLines(frontmatter),
        href: lessonHref(dir.name, slug),
      });
    }

    lessons.sort((a, b) => a.order - b.order);
    problems.push(
      ...duplicates(lessons, "order", (l) => String(l.order), "lesson", "Give each lesson in the module a different `order`."),
      ...duplicates(lessons, "slug", (l) => l.slug, "lesson", "Rename one file, or change its `slug:`, so each lesson has its own URL."),
    );
    if (parsedModule.data) {
      modules.push({
        ...parsedModule.data,
        slug: dir.name,
        file: moduleFile,
        lines: keyLines(moduleSource),
        href: `/learn/${dir.name}`,
        lessons,
      });
    }
  }

  modules.sort((a, b) => a.order - b.order);
  problems.push(
    ...duplicates(modules, "order", (m) => String(m.order), "module", "Give each module a different `order` in its module.yaml."),
  );
  return { course: { modules, lessons: modules.flatMap((m) => m.lessons) }, problems };
}

/** One problem for each entry that repeats an earlier entry's key, pointing at the later file. */
function duplicates<T extends { file: string; lines: Record<string, number> }>(
  items: T[],
  field: string,
  keyOf: (item: T) => string,
  kind: string,
  fix: string,
): ContentProblem[] {
  const seen = new Map<string, T>();
  const problems: ContentProblem[] = [];
  for (const item of items) {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first) {
      problems.push({
        file: item.file,
        line: item.lines[field] ?? 1,
        column: 1,
        message: `${kind} ${field} \`${key}\` is already used by ${first.file}`,
        fix,
      });
    } else {
      seen.set(key, item);
    }
  }
  return problems;
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name);
}
