/**
 * Reads the course's exercises. Each is a folder next to its lesson:
 *
 *     content/<module>/exercises/<id>/
 *       exercise.yaml      title, functions, hints, reveal rule, known-wrong solutions
 *       prompt.mdx         the task, with math
 *       starter.ts         what the learner starts from
 *       solution.ts        the reference solution (never sent to a browser before it is revealed)
 *       public-tests.ts    tests the learner sees and runs with Check
 *       hidden-tests.ts    tests only the server runs (never sent to a browser)
 *       wrong/*.ts         known-wrong solutions content:check must see fail
 *
 * TRUST BOUNDARY: solution and hidden tests are secrets. Only `toPublicExercise`
 * output may reach a page.
 */
import "server-only";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { transform } from "sucrase";
import { parseYamlWithSchema } from "@/lib/content/parse-yaml";
import type { ContentProblem } from "@/lib/content/problems";
import { SLUG_PATTERN } from "@/lib/content/schema";
import { defineTests, type TestSuite } from "@/lib/cell-runtime/run-tests";
import { exerciseHints, exerciseSchema, type ExerciseInfo } from "./schema";

export const EXERCISES_DIR = "exercises";
const REQUIRED_FILES = ["exercise.yaml", "prompt.mdx", "starter.ts", "solution.ts", "public-tests.ts", "hidden-tests.ts"] as const;

export type Exercise = ExerciseInfo & {
  id: string;
  moduleSlug: string;
  /** Folder from the project root, as shown in problem reports. */
  dir: string;
  prompt: { file: string; source: string };
  starter: string;
  solution: string;
  publicTests: TestSuite;
  hiddenTests: TestSuite;
  wrongSolutions: Array<{ file: string; code: string; test: string; message: string }>;
  /** Hash of every file: a stored grade records which version of the exercise produced it. */
  version: string;
};

/** What a lesson page may show: no solution, no hidden tests. */
export type PublicExercise = Pick<Exercise, "id" | "title" | "functions" | "hints" | "revealSolutionAfter" | "starter"> & {
  publicTests: TestSuite;
  /** Tests as the learner sees them in the verdict: names and points only. */
  testCount: { public: number; hidden: number };
  passedFeedback?: string;
};

export async function readExercises(contentDir: string, projectRoot = process.cwd()): Promise<{ exercises: Exercise[]; problems: ContentProblem[] }> {
  const exercises: Exercise[] = [];
  const problems: ContentProblem[] = [];
  const relative = (p: string) => path.relative(projectRoot, p).split(path.sep).join("/");
  const problem = (file: string, message: string, fix: string, line = 1) => problems.push({ file, line, column: 1, message, fix });

  for (const moduleDir of (await readdir(contentDir, { withFileTypes: true })).filter((e) => e.isDirectory())) {
    const exercisesDir = path.join(contentDir, moduleDir.name, EXERCISES_DIR);
    if (!existsSync(exercisesDir)) continue;
    for (const entry of (await readdir(exercisesDir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const dir = path.join(exercisesDir, entry.name);
      if (!entry.isDirectory()) {
        problem(relative(dir), "only exercise folders belong in exercises/", "Move this file into an exercise folder, or out of exercises/.");
        continue;
      }
      if (!SLUG_PATTERN.test(entry.name)) {
        problem(relative(dir), `exercise folder name \`${entry.name}\` is not a valid id`, "Rename it to lower-case words joined by hyphens, e.g. `mean-squared-error`.");
        continue;
      }
      const missing = REQUIRED_FILES.filter((name) => !existsSync(path.join(dir, name)));
      if (missing.length > 0) {
        problem(relative(dir), `exercise is missing ${missing.join(", ")}`, "Every exercise folder needs: " + REQUIRED_FILES.join(", ") + " (see the README's exercise section).");
        continue;
      }
      const read = (name: string) => readFile(path.join(dir, name), "utf8");
      const yamlFile = relative(path.join(dir, "exercise.yaml"));
      const parsed = parseYamlWithSchema({ file: yamlFile, text: await read("exercise.yaml"), firstLine: 1 }, exerciseSchema, exerciseHints);
      problems.push(...parsed.problems);
      if (!parsed.data) continue;

      const suite = async (name: string, hidden: boolean): Promise<TestSuite | undefined> => {
        const file = relative(path.join(dir, name));
        try {
          return { file, hidden, source: stripTypes(await read(name)) };
        } catch (error) {
          const e = error as { message?: string; loc?: { line: number } };
          problem(file, `cannot compile the tests: ${e.message ?? String(error)}`, "Fix the TypeScript syntax in this tests file.", e.loc?.line ?? 1);
          return undefined;
        }
      };
      const publicTests = await suite("public-tests.ts", false);
      const hiddenTests = await suite("hidden-tests.ts", true);
      if (!publicTests || !hiddenTests) continue;

      const wrongSolutions: Exercise["wrongSolutions"] = [];
      for (const wrong of parsed.data.wrong) {
        const full = path.join(dir, wrong.file);
        if (!existsSync(full)) {
          problem(yamlFile, `known-wrong solution ${wrong.file} does not exist`, `Add ${relative(full)}, or remove it from \`wrong:\`.`);
          continue;
        }
        wrongSolutions.push({ ...wrong, file: relative(full), code: await readFile(full, "utf8") });
      }

      const files = await Promise.all(REQUIRED_FILES.map(read));
      const version = createHash("sha256")
        .update([...files, ...wrongSolutions.map((w) => w.code)].join("\0"))
        .digest("hex")
        .slice(0, 16);
      exercises.push({
        ...parsed.data,
        id: entry.name,
        moduleSlug: moduleDir.name,
        dir: relative(dir),
        prompt: { file: relative(path.join(dir, "prompt.mdx")), source: await read("prompt.mdx") },
        starter: await read("starter.ts"),
        solution: await read("solution.ts"),
        publicTests,
        hiddenTests,
        wrongSolutions,
        version,
      });
    }
  }

  const seen = new Map<string, Exercise>();
  for (const exercise of exercises) {
    const other = seen.get(exercise.id);
    if (other) problem(exercise.dir, `two exercises have the id \`${exercise.id}\` (the other is ${other.dir})`, "Exercise ids are folder names and must be unique across the course: rename one folder.");
    seen.set(exercise.id, exercise);
  }
  return { exercises, problems };
}

/** Tests are TypeScript for the author's editor; they run as plain JavaScript. Sucrase keeps line numbers. */
function stripTypes(source: string): string {
  return transform(source, { transforms: ["typescript"], disableESTransforms: true, production: true }).code;
}

// Defining the tests only runs their files' top level (the author's code), not the tests themselves.
const definedTests = (suites: TestSuite[]) => defineTests(suites, { tf: undefined }, async () => ({ ok: false, message: "" }));

/** The points a full grade is worth: every public and hidden test's points. */
export function exerciseMaxScore(exercise: Exercise): number {
  return definedTests([exercise.publicTests, exercise.hiddenTests]).reduce((sum, test) => sum + test.points, 0);
}

export function toPublicExercise(exercise: Exercise): PublicExercise {
  const count = (suite: TestSuite) => definedTests([suite]).length;
  return {
    id: exercise.id,
    title: exercise.title,
    functions: exercise.functions,
    hints: exercise.hints,
    revealSolutionAfter: exercise.revealSolutionAfter,
    starter: exercise.starter,
    publicTests: exercise.publicTests,
    testCount: { public: count(exercise.publicTests), hidden: count(exercise.hiddenTests) },
    passedFeedback: exercise.feedback?.passed,
  };
}
