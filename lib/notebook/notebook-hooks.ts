"use client";

import { createContext, use, useSyncExternalStore } from "react";
import type { KernelState } from "@/lib/kernel/client";
import type { CellState, NotebookStore } from "./notebook-store";

/** The lesson's notebook store, provided by <Notebook> to its cells and kernel bar. */
export const NotebookContext = createContext<NotebookStore | null>(null);

export function useNotebook(): NotebookStore {
  const store = use(NotebookContext);
  if (!store) throw new Error("A code cell must be inside a <Notebook>.");
  return store;
}

const OFF: KernelState = { status: "off" };

export function useKernelState(store: NotebookStore): KernelState {
  return useSyncExternalStore(store.kernel.subscribe, store.kernel.getState, () => OFF);
}

/**
 * Whether the kernel is running this cell. A cell re-renders only when that
 * changes, not on every change of the kernel's state: a run's start and end
 * re-render two cells, not the whole lesson.
 */
export function useRunningCell(store: NotebookStore, id: string): boolean {
  return useSyncExternalStore(
    store.kernel.subscribe,
    () => {
      const state = store.kernel.getState();
      return state.status === "busy" && state.cellId === id;
    },
    () => false,
  );
}

export function useCell(store: NotebookStore, id: string): CellState | undefined {
  return useSyncExternalStore(
    (listener) => store.subscribeCell(id, listener),
    () => store.getCell(id),
    () => undefined,
  );
}
