import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/api/http";
import { requireClassInstructor } from "@/lib/classes/access";
import { ClassInput } from "@/lib/classes/input";
import { db } from "@/lib/db/client";
import { renameClass } from "@/lib/db/classes";

type Params = { params: Promise<{ classId: string }> };

/** Renames a class or changes its term. Its instructors only. */
export const PATCH = handle(async (request: Request, { params }: Params) => {
  const { classId } = await params;
  await requireClassInstructor(request, classId);
  const input = await readJson(request, ClassInput, 4 * 1024);
  await renameClass(db(), classId, input);
  return NextResponse.json({ id: classId, ...input });
});
