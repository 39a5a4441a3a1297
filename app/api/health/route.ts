import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { graderPool } from "@/lib/exercises/grader";

// The grader pool lives in this Node.js process.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * For a load balancer or an operator: 200 when this server can serve (its
 * database answers and it has graders), else 503, with what it found.
 * Tells nothing about learners.
 */
export async function GET(): Promise<Response> {
  const database = await db()
    .$queryRaw`SELECT 1`.then(() => "ok" as const)
    .catch(() => "unreachable" as const);
  const pool = graderPool();
  const graders = pool.ready;
  const healthy = database === "ok" && graders > 0;
  return NextResponse.json(
    { status: healthy ? "ok" : "unavailable", database, grading: { queue: pool.waiting, graders } },
    { status: healthy ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
