import "server-only";
import { getCourse } from "@/lib/content/lesson";
import { listAssignments } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { getExerciseCatalog } from "@/lib/exercises/catalog";
import type { CourseItems } from "@/lib/lti/launch-flow";

/**
 * What an LMS course can hold of Descent, for the deep-linking picker and for
 * opening a launched item: every lesson (ungraded), every exercise (graded
 * out of its points) and the class's assignments (graded out of their
 * exercises' points, by their late policy).
 */
export async function ltiCourseItems(classId?: string): Promise<CourseItems> {
  const [catalog, course, assignments] = await Promise.all([getExerciseCatalog(), getCourse(), classId ? listAssignments(db(), classId) : Promise.resolve([])]);
  const lessons = course.modules.flatMap((m) => m.lessons.map((l) => ({ item: `lesson:${l.href}`, title: `${m.title}: ${l.title}`, scoreMaximum: undefined, href: l.href })));
  const exercises = [...catalog.byId.values()].map((e) => ({ item: `exercise:${e.id}`, title: e.title, scoreMaximum: e.maxScore, href: e.lessonHref }));
  const assignmentItems = assignments.map((a) => ({
    item: `assignment:${a.id}`,
    title: `Assignment: ${a.title}`,
    scoreMaximum: a.exerciseIds.reduce((sum, id) => sum + (catalog.byId.get(id)?.maxScore ?? 0), 0),
    href: "/assignments",
  }));
  const all = [...assignmentItems, ...exercises, ...lessons];
  const hrefs = new Map(all.map((i) => [i.item, i.href]));
  return { items: all.map((i) => ({ item: i.item, title: i.title, scoreMaximum: i.scoreMaximum })), hrefOf: (item) => hrefs.get(item) };
}
