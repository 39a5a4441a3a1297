import "server-only";
import { getCourse } from "@/lib/content/lesson";
import { listAssignments } from "@/lib/db/assignments";
import { db } from "@/lib/db/client";
import { gradebook, gradebookTable, type GradebookLayout, type GradebookTable } from "@/lib/db/gradebook";
import { getExerciseCatalog } from "@/lib/exercises/catalog";

/** A class's gradebook as the roster page and the CSV export both show it. */
export async function classGradebook(classId: string): Promise<{ layout: GradebookLayout; table: GradebookTable }> {
  const [catalog, course, assignments] = await Promise.all([getExerciseCatalog(), getCourse(), listAssignments(db(), classId)]);
  const layout: GradebookLayout = {
    exercises: [...catalog.byId.values()].map((e) => ({ id: e.id, title: e.title, maxScore: e.maxScore })),
    assignments,
    modules: course.modules.map((m) => ({ slug: m.slug, title: m.title, lessonHrefs: m.lessons.map((l) => l.href) })),
    // An assignment may list an exercise since removed from the course: it is worth nothing.
    maxScoreOf: (id) => catalog.byId.get(id)?.maxScore ?? 0,
  };
  return { layout, table: gradebookTable(await gradebook(db(), classId, assignments), layout) };
}
