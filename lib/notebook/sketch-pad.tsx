"use client";

import { useCallback, useEffect, useRef, type PointerEvent, type ReactNode } from "react";
import type { SketchOutput } from "./outputs";

/** The pad's own resolution; the drawing is scaled down to the size the cell asked for. */
const PAD_PIXELS = 224;
/** About the stroke width of an MNIST digit (2–3 of its 28 pixels). */
const INK_WIDTH = 18;

type Point = { x: number; y: number };

/**
 * A drawing pad a cell made with display.sketch: white ink on black, like
 * MNIST. When the pen lifts, the drawing is scaled down to the cell's size
 * and sent to the kernel; what the cell's callback returns shows below.
 */
export function SketchPad({ sketch, onDrawn, children }: { sketch: SketchOutput; onDrawn: (pixels: Float32Array) => void; children: ReactNode }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pen = useRef<Point | null>(null);
  const size = Number(sketch.size);

  const clear = useCallback(() => {
    const context = canvas.current?.getContext("2d");
    if (!context) return;
    context.fillStyle = "#000";
    context.fillRect(0, 0, PAD_PIXELS, PAD_PIXELS);
  }, []);
  useEffect(clear, [clear]);

  const pointAt = (event: PointerEvent<HTMLCanvasElement>): Point => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - box.left) * PAD_PIXELS) / box.width, y: ((event.clientY - box.top) * PAD_PIXELS) / box.height };
  };

  const strokeTo = (to: Point) => {
    const context = canvas.current?.getContext("2d");
    const from = pen.current;
    if (!context || !from) return;
    context.strokeStyle = "#fff";
    context.lineWidth = INK_WIDTH;
    context.lineCap = "round";
    context.lineJoin = "round";
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
    pen.current = to;
  };

  const send = () => {
    if (!canvas.current) return;
    const small = document.createElement("canvas");
    small.width = size;
    small.height = size;
    const context = small.getContext("2d");
    if (!context) return;
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = "high";
    context.drawImage(canvas.current, 0, 0, size, size);
    const rgba = context.getImageData(0, 0, size, size).data;
    onDrawn(Float32Array.from({ length: size * size }, (_, i) => rgba[i * 4]! / 255));
  };

  return (
    <div className="output output-sketch">
      <canvas
        ref={canvas}
        width={PAD_PIXELS}
        height={PAD_PIXELS}
        role="img"
        aria-label={`${sketch.label ? String(sketch.label) : "Drawing pad"}: draw with a mouse, pen or finger`}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          pen.current = pointAt(event);
          strokeTo(pen.current);
        }}
        onPointerMove={(event) => {
          if (pen.current) strokeTo(pointAt(event));
        }}
        onPointerUp={() => {
          if (!pen.current) return;
          pen.current = null;
          send();
        }}
      />
      <div className="sketch-side">
        {sketch.label && <p className="output-caption">{String(sketch.label)}</p>}
        <button type="button" onClick={clear}>
          Clear
        </button>
        <div className="sketch-results" aria-live="polite" data-testid="sketch-results">
          {sketch.busy ? <p>Thinking…</p> : children}
        </div>
      </div>
    </div>
  );
}
