/**
 * The kernel's TensorFlow.js, loaded in pieces: the `tf` a cell sees is what
 * the "@tensorflow/tfjs" package exports (core, layers, converter, data and a
 * backend), but each backend is its own file, fetched only when the kernel
 * starts it. A learner on WebGL never downloads or compiles the WebGPU and
 * WASM backends, nor the CPU one (WebGL's bundle carries the CPU kernels it
 * shares). prepare-assets.ts builds this as an ES module worker with code
 * splitting, so each dynamic import below is a separate, cacheable file.
 */
import * as core from "@tensorflow/tfjs-core";
// What "@tensorflow/tfjs" imports for its side effects: gradients for tf.grad, and chained ops (x.add(y)).
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import "@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops";
import * as layers from "@tensorflow/tfjs-layers";
import * as converter from "@tensorflow/tfjs-converter";
import * as data from "@tensorflow/tfjs-data";
import type * as tfType from "@tensorflow/tfjs";
import { BACKENDS, type Backend } from "./protocol";

export type Tf = typeof tfType;

/**
 * The `tf` namespace, as "@tensorflow/tfjs" composes it. Each backend's own
 * exports (tf.webgl, tf.wasm, …) join it when that backend loads.
 */
export const tf = {
  ...core,
  ...layers,
  ...converter,
  data,
  version: { "tfjs-core": core.version_core, "tfjs-layers": layers.version_layers, "tfjs-converter": converter.version_converter, "tfjs-data": data.version_data, tfjs: core.version_core },
} as unknown as Tf;

/** Each backend's module: importing it registers the backend with tfjs. */
const BACKEND_MODULES: Record<Backend, () => Promise<Record<string, unknown>>> = {
  webgl: () => import("@tensorflow/tfjs-backend-webgl"),
  webgpu: () => import("@tensorflow/tfjs-backend-webgpu"),
  wasm: () => import("@tensorflow/tfjs-backend-wasm"),
  cpu: () => import("@tensorflow/tfjs-backend-cpu"),
};

/** Where the wasm backend fetches its .wasm files: the site's /tfjs/, set when the kernel starts. */
let wasmBinaries = "";
export function setWasmBinaries(url: string): void {
  wasmBinaries = url;
}

const loading = new Map<Backend, Promise<Record<string, unknown>>>();

/** Fetches and registers a backend once; its exports join `tf` (e.g. tf.webgl.forceHalfFloat), as in "@tensorflow/tfjs". */
export function loadBackend(backend: Backend): Promise<Record<string, unknown>> {
  let pending = loading.get(backend);
  if (!pending) {
    pending = BACKEND_MODULES[backend]().then((exports) => {
      if (backend === "wasm") (exports.setWasmPaths as (prefix: string) => void)(wasmBinaries);
      Object.assign(tf, exports);
      return exports;
    });
    // A failed fetch may be retried (another start, another backend).
    pending.catch(() => loading.delete(backend));
    loading.set(backend, pending);
  }
  return pending;
}

/**
 * tf.setBackend, as cells call it (a lesson compares WebGL with WASM): a
 * backend exists in tfjs only once its file has loaded, so switching to one
 * loads it first. Where the file cannot load, tfjs answers as for an unknown
 * backend.
 */
(tf as { setBackend: (name: string) => Promise<boolean> }).setBackend = async (name: string) => {
  const backend = BACKENDS.find((known) => known === name);
  if (backend) await loadBackend(backend).catch(() => undefined);
  return core.setBackend(name);
};
