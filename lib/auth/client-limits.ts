import "server-only";
import { ApiError } from "@/lib/api/http";
import { minutesUntil } from "@/lib/api/rate-limit";
import { db } from "@/lib/db/client";
import { WindowLimiter } from "@/lib/db/rate-limits";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http-server/client-address";
import { metrics } from "@/lib/metrics/metrics";

/**
 * Limits per client address on our own endpoints, generous enough for a
 * whole class behind one school address (40 students submitting twice a
 * minute), tight enough that one client cannot monopolise the graders.
 */
const submissions = new WindowLimiter("submissions", 1_000, 10 * 60_000);
const newLearners = new WindowLimiter("new-learners", 300, 60 * 60_000);
/** LMS launches started (each keeps a state for ten minutes): a whole school's worth, not a flood. */
const ltiLogins = new WindowLimiter("lti-logins", 1_000, 10 * 60_000);
/** Looking up join codes: enough for a class joining at once; far too few to guess a code (lib/db/classes.ts). */
const joinCodeLookups = new WindowLimiter("join-codes", 200, 10 * 60_000);

/**
 * The client's address, as decided from the socket by server.ts (which
 * replaces any such header a client sends); better-auth's limiter reads the
 * same header, so all limits agree.
 */
export function clientAddressOf(request: Pick<Request, "headers">): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

/** Counts one request from this client against `limiter`; a 429 with `message` when its window is full. */
export async function takeFromClient(limiter: WindowLimiter, request: Pick<Request, "headers">, message: (minutes: number) => string): Promise<void> {
  const decision = await limiter.take(db(), clientAddressOf(request));
  if (decision.allowed) return;
  metrics().refusals.inc({ limit: limiter.name });
  throw new ApiError(429, message(minutesUntil(decision.retryAfterMs)));
}

export function limitSubmissionsFromClient(request: Request): Promise<void> {
  return takeFromClient(submissions, request, (minutes) => `This network has sent too many submissions in the last 10 minutes. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
}

export function limitNewLearnersFromClient(request: Request): Promise<void> {
  return takeFromClient(
    newLearners,
    request,
    (minutes) => `Too many new visitors from this network in the last hour. Allow this site's cookies, or sign in, and try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
}

export function limitJoinCodeLookupsFromClient(request: Pick<Request, "headers">): Promise<void> {
  return takeFromClient(joinCodeLookups, request, (minutes) => `This network has tried too many join codes. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or follow the join link your instructor gave.`);
}

export function limitLtiLoginsFromClient(request: Pick<Request, "headers">): Promise<void> {
  return takeFromClient(ltiLogins, request, (minutes) => `Too many LMS launches from this network. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
}
