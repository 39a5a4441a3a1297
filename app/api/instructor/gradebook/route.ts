import { handle } from "@/lib/api/http";
import { requireInstructor } from "@/lib/auth/require-instructor";
import { db } from "@/lib/db/client";
import { gradebook, gradebookCsv } from "@/lib/db/gradebook";
import { getExerciseCatalog } from "@/lib/exercises/catalog";

/** The gradebook as CSV, for instructors only. */
export const GET = handle(async (request: Request) => {
  await requireInstructor(request.headers);
  const catalog = await getExerciseCatalog();
  const csv = gradebookCsv(await gradebook(db()), [...catalog.byId.keys()]);
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="descent-gradebook.csv"', "cache-control": "no-store" },
  });
});
