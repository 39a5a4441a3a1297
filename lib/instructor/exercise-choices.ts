import "server-only";
import { getCourse } from "@/lib/content/lesson";
import { getExerciseCatalog } from "@/lib/exercises/catalog";

/** The course's exercises in course order, with their module's title, for the assignment form. */
export async function exerciseChoices(): Promise<Array<{ id: string; title: string; module: string }>> {
  const [catalog, course] = await Promise.all([getExerciseCatalog(), getCourse()]);
  return [...catalog.byId.values()].map((e) => ({ id: e.id, title: e.title, module: course.modules.find((m) => m.slug === e.moduleSlug)?.title ?? e.moduleSlug }));
}
