import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "./client";

/**
 * Learners' served models and their API keys (lib/serving decides who may do
 * what; these are only the queries). Shapes are stored as JSON text.
 */

const modelColumns = { id: true, name: true, createdAt: true, bytes: true, parameters: true, inputShape: true, outputShape: true } as const;
const keyColumns = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export type ModelRow = { id: string; name: string; createdAt: Date; bytes: number; parameters: number; inputShape: string; outputShape: string };
export type KeyRow = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

/** A learner's models, newest first, each with its keys, oldest first. */
export async function modelsOf(db: Db, learnerId: string): Promise<Array<ModelRow & { keys: KeyRow[] }>> {
  return db.servedModel.findMany({
    where: { learnerId },
    select: { ...modelColumns, keys: { select: keyColumns, orderBy: { createdAt: "asc" } } },
    orderBy: { createdAt: "desc" },
  });
}

export async function modelNamesOf(db: Db, learnerId: string): Promise<string[]> {
  return (await db.servedModel.findMany({ where: { learnerId }, select: { name: true } })).map((m) => m.name);
}

export async function insertModel(
  db: Db,
  data: { learnerId: string; name: string; modelJson: string; weights: Uint8Array<ArrayBuffer>; bytes: number; parameters: number; inputShape: string; outputShape: string },
): Promise<ModelRow> {
  return db.servedModel.create({ data: { id: randomUUID(), ...data }, select: modelColumns });
}

/** Whether the learner had this model. */
export async function deleteModelOf(db: Db, learnerId: string, modelId: string): Promise<boolean> {
  return (await db.servedModel.deleteMany({ where: { id: modelId, learnerId } })).count > 0;
}

/** The number of live keys of the learner's model, or undefined when it is not theirs. */
export async function liveKeyCount(db: Db, learnerId: string, modelId: string): Promise<number | undefined> {
  const model = await db.servedModel.findFirst({ where: { id: modelId, learnerId }, select: { _count: { select: { keys: { where: { revokedAt: null } } } } } });
  return model?._count.keys;
}

export async function insertKey(db: Db, data: { modelId: string; name: string; prefix: string; hash: string }): Promise<KeyRow> {
  return db.modelApiKey.create({ data: { id: randomUUID(), ...data }, select: keyColumns });
}

/** Revokes a key of one of the learner's models (keeping the first revocation time); undefined when there is no such key. */
export async function revokeKeyOf(db: Db, learnerId: string, modelId: string, keyId: string): Promise<KeyRow | undefined> {
  const key = await db.modelApiKey.findFirst({ where: { id: keyId, modelId, model: { learnerId } }, select: { id: true, revokedAt: true } });
  if (!key) return undefined;
  return db.modelApiKey.update({ where: { id: key.id }, data: { revokedAt: key.revokedAt ?? new Date() }, select: keyColumns });
}

export async function keyByHash(db: Db, hash: string) {
  return db.modelApiKey.findUnique({
    where: { hash },
    select: { id: true, modelId: true, revokedAt: true, lastUsedAt: true, model: { select: { inputShape: true } } },
  });
}

export async function markKeyUsed(db: Db, keyId: string, at: Date): Promise<void> {
  await db.modelApiKey.update({ where: { id: keyId }, data: { lastUsedAt: at } });
}

export async function modelFiles(db: Db, modelId: string): Promise<{ modelJson: string; weights: Uint8Array }> {
  return db.servedModel.findUniqueOrThrow({ where: { id: modelId }, select: { modelJson: true, weights: true } });
}
