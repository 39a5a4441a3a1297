import "server-only";
import { getIP } from "better-auth/api";
import { auth } from "@/lib/auth/auth";
import { SERVING_LIMITS } from "@/lib/serving/limits";
import { ApiError } from "./http";
import { minutesUntil, WindowLimiter } from "./rate-limit";

/**
 * Limits per client address on our own endpoints, generous enough for a
 * whole class behind one school address (40 students submitting twice a
 * minute), tight enough that one client cannot monopolise the graders.
 */
const submissions = new WindowLimiter(1_000, 10 * 60_000);
const newLearners = new WindowLimiter(300, 60 * 60_000);
const modelUploads = new WindowLimiter(SERVING_LIMITS.uploadsPerHour, 60 * 60_000);

/** The client's address as better-auth's limiter sees it (X-Forwarded-For, trusted proxies), so all limits agree. */
function clientAddress(request: Request): string {
  return getIP(request, auth.options) ?? "unknown";
}

function take(limiter: WindowLimiter, request: Request, message: (minutes: number) => string): void {
  const decision = limiter.take(clientAddress(request));
  if (!decision.allowed) throw new ApiError(429, message(minutesUntil(decision.retryAfterMs)));
}

export function limitSubmissionsFromClient(request: Request): void {
  take(submissions, request, (minutes) => `This network has sent too many submissions in the last 10 minutes. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
}

export function limitNewLearnersFromClient(request: Request): void {
  take(
    newLearners,
    request,
    (minutes) => `Too many new visitors from this network in the last hour. Allow this site's cookies, or sign in, and try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  );
}

export function limitModelUploadsFromClient(request: Request): void {
  take(modelUploads, request, (minutes) => `This network has uploaded ${SERVING_LIMITS.uploadsPerHour} models in the last hour. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
}
