/**
 * Starts a lesson's kernel just before the learner needs it, so that Run
 * answers at once: once a cell has come into view and the page is idle, or
 * when the pointer moves onto a cell. A lesson read with no cell in view
 * never starts one. What this costs a learner who never runs anything is
 * the kernel's files (measured by `npm run bench:kernel`); they are cached.
 */
import type { KernelClient } from "@/lib/kernel/client";

export function startKernelAhead(kernel: KernelClient, cells: Element[]): () => void {
  let idleCallback: number | undefined;
  const start = () => {
    stop();
    kernel.ensureStarted();
  };
  const observer = new IntersectionObserver((entries) => {
    if (idleCallback === undefined && entries.some((entry) => entry.isIntersecting)) idleCallback = requestIdleCallback(start, { timeout: 3000 });
  });
  const onPointerOver = (event: PointerEvent) => {
    if (event.target instanceof Element && event.target.closest(".cell")) start();
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
