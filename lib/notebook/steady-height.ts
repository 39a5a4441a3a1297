"use client";

import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";

/**
 * Keeps the element it is given as a ref at least as tall as it last was while `holding`.
 *
 * A cell that runs again clears its outputs at once and fills them as the
 * new ones arrive. Without this the rest of the lesson would jump up and back
 * down under the reader, and the browser would lay out and repaint the whole
 * page below the cell in the frame the run starts: on a long lesson that was
 * the longest main-thread task of a training run (`npm run bench:kernel`,
 * section 4). The height is let go when the run ends.
 */
export function useSteadyHeight<T extends HTMLElement>(holding: boolean): RefObject<T | null> {
  const element = useRef<T>(null);
  const lastHeight = useRef(0);

  // Every height the element is laid out at, read by a ResizeObserver (no forced layout).
  // Sizes seen while holding count too: the last outputs of a run may be laid out before
  // the run ends, and letting the hold go then changes no size, so no later entry comes.
  // A hold never shows the cleared height: the layout effect below sets it before layout.
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) lastHeight.current = entry.borderBoxSize[0]?.blockSize ?? target.offsetHeight;
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, []);

  // Before the browser lays out the cleared outputs, so the page below never moves.
  useLayoutEffect(() => {
    const target = element.current;
    if (!target) return;
    target.style.minHeight = holding && lastHeight.current > 0 ? `${lastHeight.current}px` : "";
  }, [holding]);
  return element;
}
