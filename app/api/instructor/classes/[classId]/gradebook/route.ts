import { handle } from "@/lib/api/http";
import { requireClassInstructor } from "@/lib/classes/access";
import { gradebookCsv } from "@/lib/db/gradebook";
import { classGradebook } from "@/lib/instructor/class-gradebook";

type Params = { params: Promise<{ classId: string }> };

/** A class's gradebook as CSV, for its instructors only: the roster's columns, one row per student. */
export const GET = handle(async (request: Request, { params }: Params) => {
  const { classId } = await params;
  const { found } = await requireClassInstructor(request, classId);
  const { table } = await classGradebook(classId);
  const filename = `descent-gradebook-${found.name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "class"}.csv`;
  return new Response(gradebookCsv(table), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
  });
});
