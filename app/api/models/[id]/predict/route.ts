import { NextResponse } from "next/server";
import { z } from "zod";
import { ApiError, errorResponse, readJson } from "@/lib/api/http";
import { metrics } from "@/lib/metrics/metrics";
import { bearerKey } from "@/lib/serving/api-keys";
import { limitPredictionsForKey } from "@/lib/serving/key-limit";
import { SERVING_LIMITS } from "@/lib/serving/limits";
import { BEARER_CHALLENGE, modelForKey, predictWith } from "@/lib/serving/service";

/**
 * A served model's prediction endpoint, shaped like TensorFlow Serving's REST
 * API: POST {"instances": [...]} → {"predictions": [...]}.
 *
 * TRUST BOUNDARY: callers are outside clients (a script, another site, a
 * notebook cell in its opaque origin). They are authenticated by the model's
 * API key alone; cookies are never read here, so any origin may call (CORS *),
 * and a page cannot make a learner's browser spend their key.
 */
export const runtime = "nodejs";

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "POST, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type",
  "Access-Control-Max-Age": "600",
};

const PredictBody = z.strictObject({ instances: z.unknown() });

export function OPTIONS(): Response {
  return new Response(null, { status: 204, headers: CORS });
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  let response: Response;
  try {
    const key = bearerKey(request);
    if (!key) throw new ApiError(401, "Send the model's API key as: Authorization: Bearer <key>.", BEARER_CHALLENGE);
    const model = await modelForKey((await params).id, key);
    await limitPredictionsForKey(model.keyId);
    const { instances } = await readJson(request, PredictBody, SERVING_LIMITS.requestBytes);
    const { predictions } = await predictWith(model, instances);
    response = NextResponse.json({ predictions });
  } catch (error) {
    response = errorResponse(error);
  }
  metrics().predictions.inc({ outcome: String(response.status) });
  for (const [name, value] of Object.entries(CORS)) response.headers.set(name, value);
  return response;
}
