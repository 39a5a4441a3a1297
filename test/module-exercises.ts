/**
 * A quick, in-process rehearsal of what `npm run content:check` does to one
 * module's exercises in the sandbox: the reference solution passes every test,
 * the starter does not, and each known-wrong solution fails its named test with
 * the message exercise.yaml promises. The learner's code runs here in plain
 * Node (no isolate), which is enough to keep the tests and solutions honest
 * while authoring; content:check remains the real proof. A module's
 * exercises.test.ts calls it with the module's folder and its exercise ids.
 */
import * as tf from "@tensorflow/tfjs";
import path from "node:path";
import { transform } from "sucrase";
import { beforeAll, describe, expect, it } from "vitest";
import { callLearnerFunction, SUBMISSION_FILE } from "@/lib/cell-runtime/learner-call";
import { runTests } from "@/lib/cell-runtime/run-tests";
import { checkCourse } from "@/lib/exercises/check-course";
import { readExercises, type Exercise } from "@/lib/exercises/load";

const root = path.resolve(import.meta.dirname, "..");

export async function rehearseModuleExercises(moduleSlug: string, ids: string[]) {
  const all = await readExercises(path.join(root, "content"), root);
  const exercises = all.exercises.filter((exercise) => exercise.moduleSlug === moduleSlug);

  beforeAll(async () => {
    await tf.setBackend("cpu");
  });

  /** Grades `code` against both suites, hidden tests with their full messages (as content:check sees them). */
  async function grade(exercise: Exercise, code: string) {
    const js = transform(code, { transforms: ["typescript"], disableESTransforms: true, production: true }).code;
    const exported = exercise.functions.map((name) => `${name}: typeof ${name} === "function" ? ${name} : undefined`).join(", ");
    const scope = new Function("tf", `"use strict";\n${js}\nreturn { ${exported} };`)(tf) as Record<string, unknown>;
    const suites = [exercise.publicTests, { ...exercise.hiddenTests, hidden: false }];
    const { tests } = await runTests(suites, { tf }, (name, args) => callLearnerFunction(scope, name, args, tf, SUBMISSION_FILE));
    return tests;
  }

  describe.each(exercises.map((exercise) => [exercise.id, exercise] as const))("exercise %s", (_id, exercise) => {
    it("the reference solution passes every test", async () => {
      const failed = (await grade(exercise, exercise.solution)).filter((test) => !test.passed);
      expect(failed).toEqual([]);
    });

    it("the starter does not", async () => {
      expect((await grade(exercise, exercise.starter)).some((test) => !test.passed)).toBe(true);
    });

    it.each(exercise.wrongSolutions.map((wrong) => [wrong.file, wrong] as const))("%s fails as exercise.yaml says", async (_file, wrong) => {
      const test = (await grade(exercise, wrong.code)).find((t) => t.name === wrong.test);
      expect(test, `no test named "${wrong.test}"`).toBeDefined();
      expect(test!.passed).toBe(false);
      expect(test!.message).toContain(wrong.message);
    });
  });

  it("this module's exercises load without problems", () => {
    expect(all.problems.filter((p) => p.file.includes(moduleSlug))).toEqual([]);
    expect(exercises.map((exercise) => exercise.id).sort()).toEqual([...ids].sort());
  });

  it("the module, its lessons and its prompts pass content:check's outline, placement and compile checks", async () => {
    const { problems } = await checkCourse(path.join(root, "content"), root);
    expect(problems.filter((p) => p.file.includes(moduleSlug))).toEqual([]);
  }, 60_000);
}
