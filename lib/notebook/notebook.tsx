"use client";

import { useEffect, useState, type ReactNode } from "react";
import { KernelBar } from "./kernel-bar";
import { NotebookContext } from "./notebook-hooks";
import { NotebookStore } from "./notebook-store";
import { calibrateWhenQuiet } from "./background-calibration";
import { startKernelAhead } from "./start-ahead";
import type { Workload } from "@/lib/workload";

/**
 * Makes a lesson a notebook: one kernel shared by all its cells. Nothing
 * heavy loads with the page; the kernel starts when a cell is first used, or
 * just before (start-ahead.ts), and this browser's backends are calibrated
 * later, when the kernel is idle (background-calibration.ts).
 */
export function Notebook({ lessonId, workload, children }: { lessonId: string; workload: Workload; children: ReactNode }) {
  const [store] = useState(() => new NotebookStore(lessonId, workload));
  useEffect(() => calibrateWhenQuiet(store.kernel, (calibration) => store.calibrated(calibration)), [store]);
  useEffect(() => startKernelAhead(store.kernel, [...document.querySelectorAll(".cell")]), [store]);
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
