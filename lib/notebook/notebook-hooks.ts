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

export function useCell(store: NotebookStore, id: string): CellState | undefined {
  return useSyncExternalStore(
    (listener) => store.subscribeCell(id, listener),
    () => store.getCell(id),
    () => undefined,
  );
}
