import "server-only";
import { WindowLimiter } from "@/lib/db/rate-limits";
import { takeFromClient } from "@/lib/auth/client-limits";
import { SERVING_LIMITS } from "./limits";

const modelUploads = new WindowLimiter("model-uploads", SERVING_LIMITS.uploadsPerHour, 60 * 60_000);

/** Model uploads per client address: each one loads a model in a predictor, so one client may not keep them busy. */
export function limitModelUploadsFromClient(request: Request): Promise<void> {
  return takeFromClient(modelUploads, request, (minutes) => `This network has uploaded ${SERVING_LIMITS.uploadsPerHour} models in the last hour. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
}
