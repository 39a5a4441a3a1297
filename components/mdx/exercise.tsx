import { codeToHtml } from "shiki";
import { CODE_THEMES } from "@/lib/content/compile";
import { courseHrefs } from "@/lib/content/course";
import { compileCached, getCourse } from "@/lib/content/lesson";
import { getExerciseCatalog } from "@/lib/exercises/catalog";
import { toPublicExercise } from "@/lib/exercises/load";
import { ExerciseCell } from "@/lib/notebook/exercise-cell";
import { compiledMdxComponents } from "./registry";

/**
 * `<Exercise id="…" />` in a lesson: the prompt (MDX with math, rendered
 * here on the server), then the exercise cell.
 *
 * TRUST BOUNDARY: the exercise read here includes its solution and hidden
 * tests; only toPublicExercise(…) crosses into the client component.
 */
export async function Exercise({ id, index }: { id: string; index: string }) {
  const [catalog, course] = await Promise.all([getExerciseCatalog(), getCourse()]);
  const exercise = catalog.byId.get(id);
  if (!exercise) throw new Error(`There is no exercise "${id}" (content:check reports where it is used).`);
  const { Content } = await compileCached(exercise.prompt.file, exercise.prompt.source, courseHrefs(course));
  const starterHtml = await codeToHtml(exercise.starter, { lang: "ts", ...CODE_THEMES });
  const titleId = `exercise-${id}`;
  return (
    <section className="exercise" aria-labelledby={titleId} data-exercise-id={id}>
      <p className="exercise-eyebrow">Graded exercise</p>
      <h3 id={titleId}>{exercise.title}</h3>
      <div className="exercise-prompt">
        <Content components={compiledMdxComponents} />
      </div>
      <ExerciseCell exercise={toPublicExercise(exercise)} index={index}>
        <div dangerouslySetInnerHTML={{ __html: starterHtml }} />
      </ExerciseCell>
    </section>
  );
}
