import { handle } from "@/lib/api/http";
import { requireInstructor } from "@/lib/auth/require-instructor";
import { gradebookCsv } from "@/lib/db/gradebook";
import { classGradebook } from "@/lib/instructor/class-gradebook";

/** The gradebook as CSV, for instructors only: the roster's columns, one row per student. */
export const GET = handle(async (request: Request) => {
  await requireInstructor(request.headers);
  const { table } = await classGradebook();
  return new Response(gradebookCsv(table), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="descent-gradebook.csv"', "cache-control": "no-store" },
  });
});
