import "server-only";
import { ApiError } from "@/lib/api/http";
import { db } from "@/lib/db/client";
import { touchLearner } from "@/lib/db/progress";
import {
  deleteModelOf,
  insertKey,
  insertModel,
  keyByHash,
  liveKeyCount,
  markKeyUsed,
  modelNamesOf,
  modelsOf,
  revokeKeyOf,
  type KeyRow,
} from "@/lib/db/served-models";
import { hashApiKey, newApiKey } from "./api-keys";
import { InstancesError, readInstances } from "./instances";
import { SERVING_LIMITS } from "./limits";
import { ModelFileError, readModelFiles, type UploadedFile } from "./model-files";
import { responseOutputProblem, uploadOutputProblem } from "./output-bounds";
import { nestValues } from "./predictions";
import { modelRunner } from "./model-runner";
import { inspectModel } from "./predictor";
import type { Shape } from "./predictor-protocol";
import type { ApiKeyView, NewApiKey, ServedModelView } from "./views";

/**
 * Serving learners' models: upload, list and delete (the owner, by their
 * learner cookie or session), API keys (made and revoked by the owner), and
 * predictions (anyone holding a live key; no cookies involved).
 */

const keyView = (row: KeyRow): ApiKeyView => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export async function listModels(learnerId: string): Promise<ServedModelView[]> {
  const rows = await modelsOf(db(), learnerId);
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    inputShape: JSON.parse(row.inputShape) as Shape,
    outputShape: JSON.parse(row.outputShape) as Shape,
    keys: row.keys.map(keyView),
  }));
}

export async function uploadModel(learnerId: string, name: string, modelJson: UploadedFile, weightFiles: UploadedFile[]): Promise<ServedModelView> {
  await touchLearner(db(), learnerId);
  const owned = await modelNamesOf(db(), learnerId);
  if (owned.includes(name)) throw new ApiError(409, `You already serve a model named "${name}". Delete it first, or choose another name.`);
  if (owned.length >= SERVING_LIMITS.modelsPerLearner) {
    throw new ApiError(409, `You serve ${owned.length} models, the most one learner may. Delete one to upload another.`);
  }
  let read;
  try {
    read = readModelFiles(modelJson, weightFiles);
  } catch (error) {
    if (error instanceof ModelFileError) throw new ApiError(400, error.message);
    throw error;
  }
  const inspected = await inspectModel(read.artifacts);
  if (inspected.type === "refused") throw new ApiError(400, `TensorFlow.js could not load this model: ${inspected.message}`);
  if (inspected.type !== "inspected") throw new ApiError(400, `This model could not be loaded: ${inspected.type === "lost" ? inspected.message : "no answer"}.`);
  const outputProblem = uploadOutputProblem(inspected.outputShape);
  if (outputProblem) throw new ApiError(400, outputProblem);
  const row = await insertModel(db(), {
    learnerId,
    name,
    modelJson: JSON.stringify({ modelTopology: read.artifacts.modelTopology, weightSpecs: read.artifacts.weightSpecs }),
    weights: new Uint8Array(read.artifacts.weightData),
    bytes: read.bytes,
    parameters: inspected.parameters,
    inputShape: JSON.stringify(inspected.inputShape),
    outputShape: JSON.stringify(inspected.outputShape),
  });
  return { ...row, createdAt: row.createdAt.toISOString(), inputShape: inspected.inputShape, outputShape: inspected.outputShape, keys: [] };
}

export async function deleteModel(learnerId: string, modelId: string): Promise<void> {
  if (!(await deleteModelOf(db(), learnerId, modelId))) throw notYours();
}

export async function createKey(learnerId: string, modelId: string, name: string): Promise<NewApiKey> {
  const liveKeys = await liveKeyCount(db(), learnerId, modelId);
  if (liveKeys === undefined) throw notYours();
  if (liveKeys >= SERVING_LIMITS.keysPerModel) throw new ApiError(409, `This model has ${SERVING_LIMITS.keysPerModel} live keys, the most it may. Revoke one first.`);
  const { key, prefix, hash } = newApiKey();
  const row = await insertKey(db(), { modelId, name, prefix, hash });
  return { ...keyView(row), key };
}

export async function revokeKey(learnerId: string, modelId: string, keyId: string): Promise<ApiKeyView> {
  const row = await revokeKeyOf(db(), learnerId, modelId, keyId);
  if (!row) throw new ApiError(404, "There is no such key on any of your models.");
  return keyView(row);
}

/** The answer for a model that does not exist or is not the caller's: the two look the same. */
export const notYours = () => new ApiError(404, "You serve no model with this id.");

/** RFC 6750: a 401 for a bearer token says so, and why. */
export const BEARER_CHALLENGE = { "WWW-Authenticate": 'Bearer realm="descent-models"' };
const INVALID_TOKEN = { "WWW-Authenticate": 'Bearer realm="descent-models", error="invalid_token"' };

/** How often a key's "last used" is written: at most once a minute, not on every prediction. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * The model a key opens. The errors do not say whether a key exists for some
 * other model: a wrong key and a revoked key look the same to a caller who
 * does not own the model.
 */
export async function modelForKey(modelId: string, key: string): Promise<{ id: string; keyId: string; inputShape: Shape }> {
  const row = await keyByHash(db(), hashApiKey(key));
  if (!row || row.modelId !== modelId) throw new ApiError(401, "This API key is not valid for this model. Check the key, or create one on your models page.", INVALID_TOKEN);
  if (row.revokedAt) throw new ApiError(401, "This API key was revoked by the model's owner. Create a new key on the models page.", INVALID_TOKEN);
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await markKeyUsed(db(), row.id, now);
  }
  return { id: row.modelId, keyId: row.id, inputShape: JSON.parse(row.model.inputShape) as Shape };
}

export async function predictWith(model: { id: string; inputShape: Shape }, instances: unknown): Promise<{ predictions: unknown[]; outputShape: number[] }> {
  let batch;
  try {
    batch = readInstances(instances, model.inputShape);
  } catch (error) {
    if (error instanceof InstancesError) throw new ApiError(400, error.message);
    throw error;
  }
  const result = await modelRunner().predict(model.id, batch);
  if (result.type === "predictions") {
    // The predictor checked the output's size before reading it; checked again here, before the web server nests
    // and serializes it, so that no answer from a predictor can make this process build JSON of unbounded size.
    const problem = responseOutputProblem(result.outputShape);
    if (problem) throw new ApiError(422, problem);
    return { predictions: nestValues(result.values, result.outputShape), outputShape: result.outputShape };
  }
  if (result.type === "too-large") throw new ApiError(422, responseOutputProblem(result.outputShape) ?? "The model's output is too large to send back.");
  if (result.type === "refused") throw new ApiError(422, `The model could not run on this input: ${result.message}`);
  throw new ApiError(503, `The prediction did not finish: ${result.type === "lost" ? result.message : "no answer"}. Try again; if it keeps failing, send fewer instances.`);
}
