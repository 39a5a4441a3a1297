"use client";

import { createContext, use, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import type { KernelState } from "@/lib/kernel/client";
import { KernelBar } from "./kernel-bar";
import { NotebookStore, type CellState } from "./notebook-store";

const NotebookContext = createContext<NotebookStore | null>(null);

/**
 * Makes a lesson a notebook: one kernel shared by all its cells. Nothing
 * heavy loads here; the kernel starts when a cell is first used.
 */
export function Notebook({ lessonId, children }: { lessonId: string; children: ReactNode }) {
  const [store] = useState(() => new NotebookStore(lessonId));
  useEffect(() => {
    // Edits are saved shortly after typing stops, and at once when the page is hidden or closed.
    const flush = () => store.flushAll();
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", flush);
      store.dispose();
    };
  }, [store]);
  return (
    <NotebookContext value={store}>
      <KernelBar store={store} />
      {children}
    </NotebookContext>
  );
}

export function useNotebook(): NotebookStore {
  const store = use(NotebookContext);
  if (!store) throw new Error("A code cell must be inside a <Notebook>.");
  return store;
}

const OFF: KernelState = { status: "off" };

export function useKernelState(store: NotebookStore): KernelState {
  return useSyncExternalStore(store.kernel.subscribe, store.kernel.getState, () => OFF);
}

export function useCell(store: NotebookStore, id: string): CellState | undefined {
  return useSyncExternalStore(
    (listener) => store.subscribeCell(id, listener),
    () => store.getCell(id),
    () => undefined,
  );
}
