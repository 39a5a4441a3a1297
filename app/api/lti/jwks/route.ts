import { NextResponse } from "next/server";
import { handle } from "@/lib/api/http";
import { db } from "@/lib/db/client";
import { publicJwks } from "@/lib/lti/keys";

/** Descent's public keys, for LMSs to check what it signs. Public; platforms may cache it for a few minutes. */
export const GET = handle(async () => NextResponse.json(await publicJwks(db()), { headers: { "cache-control": "public, max-age=300" } }));
