/**
 * Starts a lesson's kernel just before the learner needs it, so that Run
 * answers at once: once a cell has come into view, or the pointer moves onto
 * one, and then only when the page is idle (its own loading and rendering
 * come first). A lesson read with no cell in view never starts one. What
 * this costs a learner who never runs anything is the kernel's files
 * (measured by `npm run bench:kernel`); they are cached.
 */
import type { KernelClient } from "@/lib/kernel/client";

/** How long an idle moment may be waited for: a cell in view, or a pointer on a cell (the learner is about to run it). */
const IN_VIEW_TIMEOUT_MS = 3000;
const POINTER_TIMEOUT_MS = 500;

export function startKernelAhead(kernel: KernelClient, cells: Element[]): () => void {
  let idleCallback: number | undefined;
  let deadline = Infinity;
  const start = () => {
    stop();
    kernel.ensureStarted();
  };
  /** Starts at the page's next idle moment, and at the latest after `timeout`; a sooner deadline replaces a later one. */
  const startWhenIdle = (timeout: number) => {
    if (performance.now() + timeout >= deadline) return;
    if (idleCallback !== undefined) cancelIdleCallback(idleCallback);
    deadline = performance.now() + timeout;
    idleCallback = requestIdleCallback(start, { timeout });
  };
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) startWhenIdle(IN_VIEW_TIMEOUT_MS);
  });
  const onPointerOver = (event: PointerEvent) => {
    if (event.target instanceof Element && event.target.closest(".cell")) startWhenIdle(POINTER_TIMEOUT_MS);
  };
  const stop = () => {
    observer.disconnect();
    if (idleCallback !== undefined) cancelIdleCallback(idleCallback);
    document.removeEventListener("pointerover", onPointerOver);
  };
  for (const cell of cells) observer.observe(cell);
  document.addEventListener("pointerover", onPointerOver, { passive: true });
  return stop;
}
