import "server-only";
import { ApiError } from "@/lib/api/http";
import { db } from "@/lib/db/client";
import { WindowLimiter } from "@/lib/db/rate-limits";
import { metrics } from "@/lib/metrics/metrics";
import { SERVING_LIMITS } from "./limits";

const perKey = new WindowLimiter("predictions", SERVING_LIMITS.requestsPerKeyPerMinute, 60_000);

/** Prediction requests per API key, counted across every web server: a 429 with Retry-After past the limit. */
export async function limitPredictionsForKey(keyId: string): Promise<void> {
  const decision = await perKey.take(db(), keyId);
  if (decision.allowed) return;
  metrics().refusals.inc({ limit: perKey.name });
  const seconds = Math.ceil(decision.retryAfterMs / 1000);
  throw new ApiError(429, `This key has made ${SERVING_LIMITS.requestsPerKeyPerMinute} requests in the last minute. Retry in ${seconds} s, or send several instances in one request.`, {
    "Retry-After": String(seconds),
  });
}
