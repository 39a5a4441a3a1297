"use client";

import { useEffect, useState, type ReactNode } from "react";
import { KernelBar } from "./kernel-bar";
import { NotebookContext } from "./notebook-hooks";
import { NotebookStore } from "./notebook-store";

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
