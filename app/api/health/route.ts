import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { submissionGrading } from "@/lib/exercises/grading";

// The grader pool, or the job queue's connection, lives in this Node.js process.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * For a load balancer or an operator: 200 when this server can serve, else
 * 503, with what it found. One machine: its database answers and it has
 * graders. Several: its database answers; the queue's depth and the workers
 * alive are reported, and no workers is "degraded", not a reason to take
 * the web server out (lessons still serve, submissions wait in the queue).
 * Tells nothing about learners.
 */
export async function GET(): Promise<Response> {
  const database = await db()
    .$queryRaw`SELECT 1`.then(() => "ok" as const)
    .catch(() => "unreachable" as const);
  const grading = database === "ok" ? await submissionGrading().capacity().catch(() => undefined) : undefined;
  const serving = database === "ok" && grading !== undefined && ("workers" in grading || grading.graders > 0);
  const status = !serving ? "unavailable" : grading && "workers" in grading && grading.workers === 0 ? "degraded" : "ok";
  const { waiting, ...processes } = grading ?? { waiting: 0 };
  return NextResponse.json(
    { status, database, grading: grading && { queue: waiting, ...processes } },
    { status: serving ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
