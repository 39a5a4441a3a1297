/**
 * tf.io's browser storage for notebook cells. The kernel runs in an opaque
 * origin (see kernel.frame.ts), which has no IndexedDB and no document to
 * click a download link in, so tfjs's own "indexeddb://" and "downloads://"
 * handlers cannot work here. They are replaced by handlers with the same
 * URLs and the same behaviour, which ask the page: it keeps models in the
 * site's IndexedDB (browser-models.ts) and offers downloads as links in the
 * cell's output. Learner code is exactly what it would be in any tfjs app:
 *   await model.save("indexeddb://digits");  await tf.loadLayersModel("indexeddb://digits");
 *   await model.save("downloads://digits");  await tf.io.listModels();
 *
 * WORKAROUND: tfjs exports no way to unregister a router or model manager,
 * so the built-in ones are taken out of tfjs's registries through the
 * modules that define them (dist/io/*.js, the same module instances the
 * bundle uses). Can go if tfjs gains an unregister API.
 */
import type * as tfType from "@tensorflow/tfjs";
import { browserDownloadsRouter } from "@tensorflow/tfjs-core/dist/io/browser_files";
import { indexedDBRouter } from "@tensorflow/tfjs-core/dist/io/indexed_db";
import { ModelStoreManagerRegistry } from "@tensorflow/tfjs-core/dist/io/model_management";
import { IORouterRegistry } from "@tensorflow/tfjs-core/dist/io/router_registry";
import { toModelJson } from "./model-json";
import type { CellOutput, StorageReply, StorageRequest, StoredModel } from "./protocol";

type Tf = typeof tfType;
type Router = (url: string | string[]) => tfType.io.IOHandler | null;
type Registries = { saveRouters: Router[]; loadRouters: Router[] };

export type AskPage = (request: StorageRequest) => Promise<Extract<StorageReply, { ok: true }>>;

const INDEXEDDB = "indexeddb://";
const DOWNLOADS = "downloads://";

export function installModelStorage(tf: Tf, askPage: AskPage, emit: (output: CellOutput) => void): void {
  const routers = (IORouterRegistry as unknown as { getInstance(): Registries }).getInstance();
  routers.saveRouters = routers.saveRouters.filter((r) => r !== (indexedDBRouter as unknown) && r !== (browserDownloadsRouter as unknown));
  routers.loadRouters = routers.loadRouters.filter((r) => r !== (indexedDBRouter as unknown));

  const info = (artifacts: tfType.io.ModelArtifacts) => tf.io.getModelArtifactsInfoForJSON(artifacts) as unknown as Record<string, unknown>;
  /** tfjs may hand weights over as several buffers; the page and files keep one. */
  const oneBuffer = (artifacts: tfType.io.ModelArtifacts): StoredModel["artifacts"] => ({
    ...(artifacts as unknown as Record<string, unknown>),
    weightData: tf.io.concatenateArrayBuffers(artifacts.weightData ?? new ArrayBuffer(0)),
  });

  const indexedDB = (path: string): tfType.io.IOHandler => ({
    async save(artifacts) {
      const modelArtifactsInfo = tf.io.getModelArtifactsInfoForJSON(artifacts);
      await askPage({ op: "save", path, model: { artifacts: oneBuffer(artifacts), info: info(artifacts) } });
      return { modelArtifactsInfo };
    },
    async load() {
      const { model } = await askPage({ op: "load", path });
      return model!.artifacts as unknown as tfType.io.ModelArtifacts;
    },
  });

  const downloads = (name: string): tfType.io.IOHandler => ({
    async save(artifacts) {
      const weightsFile = `${name}.weights.bin`;
      const json = JSON.stringify(toModelJson(artifacts as unknown as Record<string, unknown>, weightsFile));
      const weights = oneBuffer(artifacts).weightData;
      emit({
        kind: "files",
        label: `Model "${name}": topology and weight specs, then the weights.`,
        files: [
          { name: `${name}.json`, bytes: new TextEncoder().encode(json).buffer as ArrayBuffer },
          { name: weightsFile, bytes: weights },
        ],
      });
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },
  });

  const pathAfter = (scheme: string, url: string | string[]) => (typeof url === "string" && url.startsWith(scheme) ? url.slice(scheme.length) : undefined);
  const saveRouter: Router = (url) => {
    const stored = pathAfter(INDEXEDDB, url);
    if (stored !== undefined) return indexedDB(stored);
    const download = pathAfter(DOWNLOADS, url);
    return download === undefined ? null : downloads(download || "model");
  };
  const loadRouter: Router = (url) => {
    const stored = pathAfter(INDEXEDDB, url);
    return stored === undefined ? null : indexedDB(stored);
  };
  // tfjs's IORouter type leaves out the null that every router returns for URLs it does not handle.
  tf.io.registerSaveRouter(saveRouter as Parameters<Tf["io"]["registerSaveRouter"]>[0]);
  tf.io.registerLoadRouter(loadRouter as Parameters<Tf["io"]["registerLoadRouter"]>[0]);

  // tf.io.listModels() and removeModel("indexeddb://…"): the page's store, under the same scheme.
  const managers = (ModelStoreManagerRegistry as unknown as { getInstance(): { managers: Record<string, unknown> } }).getInstance().managers;
  managers.indexeddb = {
    listModels: async () => (await askPage({ op: "list" })).models ?? {},
    removeModel: async (path: string) => (await askPage({ op: "remove", path })).models?.[path],
  };
}

/** The kernel's end of the storage requests: each waits for its "storage-reply" from the page. */
export function pageStorage(post: (requestId: number, request: StorageRequest) => void): { ask: AskPage; answer: (requestId: number, reply: StorageReply) => void } {
  let nextId = 1;
  const waiting = new Map<number, { resolve: (reply: Extract<StorageReply, { ok: true }>) => void; reject: (error: Error) => void }>();
  return {
    ask: (request) =>
      new Promise((resolve, reject) => {
        const requestId = nextId++;
        waiting.set(requestId, { resolve, reject });
        post(requestId, request);
      }),
    answer(requestId, reply) {
      const pending = waiting.get(requestId);
      waiting.delete(requestId);
      if (reply.ok) pending?.resolve(reply);
      else pending?.reject(new Error(reply.error));
    },
  };
}
