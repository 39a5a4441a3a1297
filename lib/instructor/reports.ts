import "server-only";
import { listAssignments } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { exerciseFailures, exerciseStats } from "@/lib/db/exercise-stats";
import { studentHistory } from "@/lib/db/student-history";
import { getExerciseCatalog } from "@/lib/exercises/catalog";
import { forInstructor } from "./access";
import { classGradebook } from "./class-gradebook";
import { exerciseChoices } from "./exercise-choices";

/**
 * What each instructor page shows, loaded only for an instructor (anyone
 * else gets the 401 or 403 page; see forInstructor). A missing student,
 * exercise or assignment is `null`, for the page's 404.
 */

export const rosterReport = () => forInstructor(classGradebook);

export const exercisesReport = () =>
  forInstructor(async () => {
    const catalog = await getExerciseCatalog();
    const stats = await exerciseStats(db(), [...catalog.byId.keys()]);
    return stats.map((row) => ({ ...row, title: catalog.byId.get(row.exerciseId)!.title }));
  });

export const exerciseReport = (exerciseId: string) =>
  forInstructor(async () => {
    const exercise = (await getExerciseCatalog()).byId.get(exerciseId);
    if (!exercise) return null;
    const [[stats], failures] = await Promise.all([exerciseStats(db(), [exercise.id]), exerciseFailures(db(), exercise.id)]);
    return { exercise, stats: stats!, failures };
  });

export const studentReport = (learnerId: string) =>
  forInstructor(async () => {
    const [history, catalog] = await Promise.all([studentHistory(db(), learnerId), getExerciseCatalog()]);
    if (!history) return null;
    return { history, exerciseTitle: (exerciseId: string) => catalog.byId.get(exerciseId)?.title ?? exerciseId };
  });

export const assignmentsReport = () =>
  forInstructor(async () => {
    const [assignments, exercises] = await Promise.all([listAssignments(db()), exerciseChoices()]);
    return { assignments, exercises };
  });
