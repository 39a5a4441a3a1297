import { timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import { ApiError, handle } from "@/lib/api/http";
import { clientAddressOf } from "@/lib/auth/client-limits";
import { env } from "@/lib/env";
import { submissionGrading } from "@/lib/exercises/grading";
import { metrics } from "@/lib/metrics/metrics";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Loopback: an operator or a Prometheus on the server itself. */
const isLoopback = (address: string) => (isIP(address) === 4 && address.startsWith("127.")) || address === "::1";

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus text for an operator. With DESCENT_METRICS_TOKEN set, only a
 * scraper sending it as a bearer token; without one, only the server's own
 * machine (the client address server.ts decided from the socket).
 */
export const GET = handle(async (request: Request) => {
  const token = env().DESCENT_METRICS_TOKEN;
  const bearer = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  const allowed = token ? bearer !== undefined && sameToken(bearer, token) : isLoopback(clientAddressOf(request));
  if (!allowed) throw new ApiError(403, token ? "Send the metrics token as: Authorization: Bearer <token>." : "Metrics are served to this machine only; set DESCENT_METRICS_TOKEN to scrape them from elsewhere.");
  const { registry, queueDepth, graders, workers } = metrics();
  const capacity = await submissionGrading().capacity();
  queueDepth.set(capacity.waiting);
  if ("graders" in capacity) graders.set(capacity.graders);
  else workers.set(capacity.workers);
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
});
