/**
 * The page's side of tf.io's "indexeddb://" for notebook cells: models saved
 * from the kernel are kept in this site's IndexedDB (database
 * "descent-models"), where they outlive the kernel and the page.
 *
 * TRUST BOUNDARY: requests come from the kernel, which runs learner code.
 * They can only reach this one store (the models cells saved), never the
 * site's other storage, and are checked before anything is written.
 */
import { createStore, del, entries, get, set } from "idb-keyval";
import type { StorageReply, StorageRequest, StoredModel } from "./protocol";

/** Far more than a course's models need; keeps a runaway loop from filling the disk. */
const MAX_MODEL_BYTES = 256 * 2 ** 20;

let store: ReturnType<typeof createStore> | undefined;
const models = () => (store ??= createStore("descent-models", "models"));

export async function answerStorage(request: StorageRequest): Promise<StorageReply> {
  try {
    switch (request.op) {
      case "save": {
        const path = checkedPath(request.path);
        const weights = request.model?.artifacts?.weightData;
        if (!(weights instanceof ArrayBuffer)) return { ok: false, error: "The model's weights must be one ArrayBuffer." };
        if (weights.byteLength > MAX_MODEL_BYTES) return { ok: false, error: `A model saved in the browser may have at most ${MAX_MODEL_BYTES / 2 ** 20} MiB of weights.` };
        await set(path, request.model, models());
        return { ok: true };
      }
      case "load": {
        const model = await get<StoredModel>(checkedPath(request.path), models());
        return model ? { ok: true, model } : { ok: false, error: `Cannot find model with path '${request.path}' in IndexedDB.` };
      }
      case "list": {
        const all = await entries<string, StoredModel>(models());
        return { ok: true, models: Object.fromEntries(all.map(([path, model]) => [path, model.info])) };
      }
      case "remove": {
        const path = checkedPath(request.path);
        const model = await get<StoredModel>(path, models());
        if (!model) return { ok: false, error: `Cannot find model with path '${path}' in IndexedDB.` };
        await del(path, models());
        return { ok: true, models: { [path]: model.info } };
      }
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function checkedPath(path: unknown): string {
  if (typeof path !== "string" || path.length === 0 || path.length > 200) throw new Error("A model's path must be a non-empty string of at most 200 characters.");
  return path;
}
