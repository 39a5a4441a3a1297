/**
 * Takes the place of Monaco's `internal/common/workers.js` in the editor's
 * build (scripts/monaco-files.ts). Monaco's own module starts a language's
 * worker the same way, but it also imports every editor feature Monaco has,
 * so that any language service would bring the whole editor with it; this one
 * starts the worker and nothing else.
 */
import { editor } from "monaco-editor/editor/editor.api.js";

type WorkerOptions = { label?: string; moduleId: string; createData?: unknown; host?: unknown; keepIdleModels?: boolean };
type MonacoEnvironment = { getWorker(moduleId: string, label: string): Worker };

export function createWebWorker(options: WorkerOptions) {
  const environment = (globalThis as { MonacoEnvironment?: MonacoEnvironment }).MonacoEnvironment;
  if (!environment) throw new Error("MonacoEnvironment.getWorker is not set (lib/editor/monaco.bundle.ts sets it)");
  const worker = environment.getWorker("workerMain.js", options.label ?? "monaco-editor-worker");
  // Monaco's handshake: the first message starts the worker's server, the second carries its creation data.
  worker.postMessage("ignore");
  worker.postMessage(options.createData);
  return editor.createWebWorker({ worker: Promise.resolve(worker), host: options.host, keepIdleModels: options.keepIdleModels } as never);
}
