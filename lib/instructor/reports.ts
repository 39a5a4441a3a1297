import "server-only";
import { listAssignments } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { classesOf, classPeople } from "@/lib/db/classes";
import { exerciseFailures, exerciseStats } from "@/lib/db/exercise-stats";
import { lmsCourseOf, scoreStatuses } from "@/lib/db/lti-scores";
import { studentHistory } from "@/lib/db/student-history";
import { getExerciseCatalog } from "@/lib/exercises/catalog";
import { forClass, requireInstructorPage } from "./access";
import { classGradebook } from "./class-gradebook";
import { exerciseChoices } from "./exercise-choices";
import { mayCreateClasses } from "@/lib/auth/require-instructor";

/**
 * What each instructor page shows, loaded only for an instructor of the
 * class (anyone else gets the 401, 403 or 404 page; see forClass). A
 * missing student, exercise or assignment is `null`, for the page's 404.
 */

export const classesReport = async () => {
  const user = await requireInstructorPage();
  return { classes: await classesOf(db(), user.id, "instructor"), mayCreate: mayCreateClasses(user) };
};

export const rosterReport = (classId: string) =>
  forClass(classId, async (found) => {
    const [gradebook, lms, scores] = await Promise.all([classGradebook(classId), lmsCourseOf(db(), classId), scoreStatuses(db(), classId)]);
    return { found, ...gradebook, lms: lms ? { name: lms.platform.name || lms.platform.issuer, rosterSyncedAt: lms.rosterSyncedAt, canSync: Boolean(lms.membershipsUrl), scores } : undefined };
  });

export const exercisesReport = (classId: string) =>
  forClass(classId, async () => {
    const catalog = await getExerciseCatalog();
    const stats = await exerciseStats(db(), classId, [...catalog.byId.keys()]);
    return stats.map((row) => ({ ...row, title: catalog.byId.get(row.exerciseId)!.title }));
  });

export const exerciseReport = (classId: string, exerciseId: string) =>
  forClass(classId, async () => {
    const exercise = (await getExerciseCatalog()).byId.get(exerciseId);
    if (!exercise) return null;
    const [[stats], failures] = await Promise.all([exerciseStats(db(), classId, [exercise.id]), exerciseFailures(db(), classId, exercise.id)]);
    return { exercise, stats: stats!, failures };
  });

export const studentReport = (classId: string, userId: string) =>
  forClass(classId, async () => {
    const [history, catalog] = await Promise.all([studentHistory(db(), classId, userId), getExerciseCatalog()]);
    if (!history) return null;
    return { history, exerciseTitle: (exerciseId: string) => catalog.byId.get(exerciseId)?.title ?? exerciseId };
  });

export const assignmentsReport = (classId: string) =>
  forClass(classId, async () => {
    const [assignments, exercises] = await Promise.all([listAssignments(db(), classId), exerciseChoices()]);
    return { assignments, exercises };
  });

export const peopleReport = (classId: string) => forClass(classId, async (found) => ({ found, people: await classPeople(db(), classId) }));
