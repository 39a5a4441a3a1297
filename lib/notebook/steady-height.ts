"use client";

import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";

/**
 * Keeps the element it is given as a ref at least as tall as it last settled while `holding`.
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
  const settledHeight = useRef(0);
  const held = useRef(holding);

  // The height as laid out while not holding, read by a ResizeObserver (no forced layout).
  useEffect(() => {
    const target = element.current;
    if (!target) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!held.current && entry) settledHeight.current = entry.borderBoxSize[0]?.blockSize ?? target.offsetHeight;
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, []);

  // Before the browser lays out the cleared outputs, so the page below never moves.
  useLayoutEffect(() => {
    held.current = holding;
    const target = element.current;
    if (!target) return;
    target.style.minHeight = holding && settledHeight.current > 0 ? `${settledHeight.current}px` : "";
  }, [holding]);
  return element;
}
