"use client";

import { useSyncExternalStore } from "react";
import { BACKENDS, type Backend } from "@/lib/kernel/protocol";
import { loadScreenReaderMode, saveScreenReaderMode } from "./browser-storage";
import { useKernelState } from "./notebook-hooks";
import type { NotebookStore } from "./notebook-store";

const BACKEND_NAMES: Record<Backend, string> = { webgpu: "WebGPU", webgl: "WebGL", wasm: "WASM", cpu: "CPU" };

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

/** The notebook's controls: kernel status and backend, memory, Run all, Stop, Restart, screen-reader mode. */
export function KernelBar({ store }: { store: NotebookStore }) {
  const state = useKernelState(store);
  const memory = useSyncExternalStore(store.kernel.subscribe, store.kernel.getMemory, () => undefined);
  const notice = useSyncExternalStore(store.subscribeNotice, store.getNotice, () => undefined);
  const screenReader = useScreenReaderMode();
  const running = state.status === "idle" || state.status === "busy";

  return (
    <div className="kernel-bar" role="region" aria-label="Notebook kernel">
      <div className="kernel-bar-row">
        <span className="kernel-status" data-status={state.status}>
          {state.status === "off" && "Kernel starts when you run a cell"}
          {state.status === "starting" && "Starting kernel…"}
          {state.status === "dead" && `Kernel failed: ${state.reason}`}
          {running && (state.status === "busy" ? "Running" : "Ready")}
        </span>
        {running && (
          <label className="backend-badge">
            <span className="visually-hidden">TensorFlow.js backend</span>
            <select
              value={state.backend}
              onChange={(event) => store.chooseBackend(event.target.value as Backend)}
              data-testid="backend"
            >
              {BACKENDS.filter((b) => state.available.includes(b)).map((backend) => (
                <option key={backend} value={backend}>
                  {BACKEND_NAMES[backend]}
                  {backend === "webgl" || backend === "webgpu" ? " (GPU)" : ""}
                </option>
              ))}
            </select>
          </label>
        )}
        {running && memory && (
          <span className="kernel-memory" data-testid="memory">
            {memory.numTensors} tensors · {formatBytes(memory.numBytes)}
          </span>
        )}
        <span className="kernel-actions">
          <button type="button" onClick={() => void store.runAll()}>
            Run all
          </button>
          <button type="button" onClick={() => store.stop()} disabled={state.status !== "busy"}>
            Stop
          </button>
          <button type="button" onClick={() => store.restartKernel()} disabled={!running && state.status !== "dead"}>
            Restart
          </button>
          <label className="screen-reader-toggle">
            <input type="checkbox" checked={screenReader} onChange={(event) => setScreenReader(event.target.checked)} />
            Screen-reader mode
          </label>
        </span>
      </div>
      {running && store.kernel.webgpuOff && (
        <p className="kernel-webgpu-off" data-testid="webgpu-off">
          {store.kernel.webgpuOff}
        </p>
      )}
      <p className="kernel-notice" role="status">
        {notice}
      </p>
    </div>
  );
}

// Screen-reader mode is a site-wide preference: one checkbox, remembered across lessons and reloads.
const screenReaderListeners = new Set<() => void>();
function subscribeScreenReader(listener: () => void) {
  screenReaderListeners.add(listener);
  return () => screenReaderListeners.delete(listener);
}
export function setScreenReader(on: boolean) {
  saveScreenReaderMode(on);
  for (const listener of screenReaderListeners) listener();
}
export function useScreenReaderMode(): boolean {
  return useSyncExternalStore(subscribeScreenReader, loadScreenReaderMode, () => false);
}
