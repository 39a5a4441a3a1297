import "server-only";
import { ApiError } from "@/lib/api/http";

/** A refused LTI request: a 4xx whose message says what was wrong, shown to the person in the LMS. */
export class LtiError extends ApiError {
  constructor(message: string, status = 400) {
    super(status, `LTI launch refused: ${message}`);
  }
}

/**
 * Calls a platform's service: no redirects (a redirect could lead anywhere),
 * a time limit, and a clear error naming the service when it fails.
 */
export async function callPlatform(what: string, url: string, init: RequestInit = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: "error", signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new Error(`${what}: ${url} could not be reached (${(error as Error).message})`);
  }
  if (!response.ok) throw new Error(`${what}: ${url} answered ${response.status} ${(await response.text().catch(() => "")).slice(0, 200)}`);
  return response;
}
