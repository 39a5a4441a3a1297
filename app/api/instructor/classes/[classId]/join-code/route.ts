import { NextResponse } from "next/server";
import { handle, readJson } from "@/lib/api/http";
import { requireClassInstructor } from "@/lib/classes/access";
import { JoinCodeInput } from "@/lib/classes/input";
import { db } from "@/lib/db/client";
import { setJoinCode } from "@/lib/db/classes";

type Params = { params: Promise<{ classId: string }> };

/**
 * `{ open: true }` gives the class a new join code (the old one stops
 * working at once, e.g. after it was posted somewhere public); `{ open: false }`
 * closes joining. Students already in the class stay.
 */
export const PUT = handle(async (request: Request, { params }: Params) => {
  const { classId } = await params;
  await requireClassInstructor(request, classId);
  const { open } = await readJson(request, JoinCodeInput, 1024);
  return NextResponse.json({ joinCode: await setJoinCode(db(), classId, open) });
});
