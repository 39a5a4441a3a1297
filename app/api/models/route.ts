import { NextResponse } from "next/server";
import { z } from "zod";
import { limitModelUploadsFromClient } from "@/lib/serving/upload-limit";
import { ApiError, handle, requireSameOrigin } from "@/lib/api/http";
import { asLearner, currentLearnerId } from "@/lib/auth/current-learner";
import { MAX_UPLOAD_BYTES, SERVING_LIMITS } from "@/lib/serving/limits";
import { formatBytes } from "@/lib/format-bytes";
import type { UploadedFile } from "@/lib/serving/model-files";
import { listModels, uploadModel } from "@/lib/serving/service";

// Models are checked by loading them in a predictor process (Node.js child processes).
export const runtime = "nodejs";

const ModelName = z
  .string()
  .trim()
  .min(1, "name must not be empty")
  .max(60, "name must be at most 60 characters")
  .regex(/^[\p{L}\p{N} ._-]+$/u, "name may use letters, digits, spaces, dots, dashes and underscores");

/** The models the current learner serves, with their keys (never the keys themselves). */
export const GET = handle(async (request: Request) => {
  const learnerId = await currentLearnerId(request);
  return NextResponse.json({ models: learnerId ? await listModels(learnerId) : [] });
});

/**
 * Uploads a Layers model to serve: a multipart form with `name`, `model`
 * (model.json) and `weights` (its weight files, once per file).
 */
export const POST = handle(async (request: Request) => {
  requireSameOrigin(request);
  const declared = request.headers.get("content-length");
  if (declared === null) throw new ApiError(411, "Send the upload with a Content-Length.");
  if (Number(declared) > MAX_UPLOAD_BYTES) throw new ApiError(413, `The upload is larger than ${formatBytes(MAX_UPLOAD_BYTES)}; a served model's weights may be at most ${formatBytes(SERVING_LIMITS.weightBytes)}.`);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new ApiError(400, "Send the model as multipart/form-data with fields name, model and weights.");
  }
  const name = ModelName.safeParse(form.get("name") ?? "");
  if (!name.success) throw new ApiError(400, `Invalid name: ${name.error.issues[0]?.message}.`);
  const model = form.get("model");
  if (!(model instanceof File)) throw new ApiError(400, "Choose the model's .json file (the field named model).");
  const weights = form.getAll("weights").filter((w): w is File => w instanceof File);
  if (weights.length === 0) throw new ApiError(400, "Choose the model's weights file (.bin), the field named weights.");
  await limitModelUploadsFromClient(request);
  const read = async (file: File): Promise<UploadedFile> => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  const [modelFile, ...weightFiles] = await Promise.all([model, ...weights].map(read));
  return asLearner(request, async (learnerId) => NextResponse.json(await uploadModel(learnerId, name.data, modelFile!, weightFiles), { status: 201 }));
});
