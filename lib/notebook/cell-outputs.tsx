"use client";

import dynamic from "next/dynamic";
import { useEffect, useMemo, useRef } from "react";
import { formatBytes } from "@/lib/format-bytes";
import type { CellOutput } from "@/lib/kernel/protocol";
import type { ShownOutput } from "./outputs";
import { SketchPad } from "./sketch-pad";

// uPlot loads only when a cell first draws a chart.
const LiveChart = dynamic(() => import("./live-chart").then((m) => m.LiveChart), { ssr: false });
// Scatter plots and heat maps load when a cell first draws one.
const ScatterPlot = dynamic(() => import("./plots").then((m) => m.ScatterPlot), { ssr: false });
const HeatMapPlot = dynamic(() => import("./plots").then((m) => m.HeatMapPlot), { ssr: false });

/**
 * A cell's outputs. Everything comes from learner code in the kernel, so it
 * is shown as text, numbers and pixels only: React escapes all text, and
 * nothing is ever inserted as HTML.
 */
export function CellOutputs({ outputs, onSketch }: { outputs: ShownOutput[]; onSketch: OnSketch }) {
  if (outputs.length === 0) return null;
  return (
    <div className="cell-outputs" aria-live="polite">
      {outputs.map((output, index) => (
        <OutputView key={index} output={output} onSketch={onSketch} />
      ))}
    </div>
  );
}

/** A drawing on one of the cell's sketch pads is finished. */
type OnSketch = (sketchId: string, pixels: Float32Array) => void;

function OutputView({ output, onSketch }: { output: ShownOutput; onSketch: OnSketch }) {
  switch (output.kind) {
    case "sketch":
      return (
        <SketchPad sketch={output} onDrawn={(pixels) => onSketch(output.id, pixels)}>
          {output.results.map((result, index) => (
            <OutputView key={index} output={result} onSketch={onSketch} />
          ))}
        </SketchPad>
      );
    case "late":
      return (
        <p className="output output-late" role="note">
          After the cell finished (from a timer or a promise it started):
        </p>
      );
    case "log":
      return <pre className={`output output-log output-${output.level}`}>{String(output.text)}</pre>;
    case "value":
      return <pre className="output output-value">{String(output.text)}</pre>;
    case "tensor":
      return (
        <div className="output output-tensor">
          <p className="output-caption">
            Tensor · shape [{output.shape.map(Number).join(", ")}] · {String(output.dtype)}
          </p>
          <pre>{String(output.text)}</pre>
        </div>
      );
    case "error":
      return (
        <div className="output output-error" role="alert">
          <strong>{String(output.name)}</strong>
          {output.line !== undefined && <span> on line {Number(output.line)}</span>}: {String(output.message)}
        </div>
      );
    case "chart":
      return <LiveChart chart={output} />;
    case "scatter":
      return <ScatterPlot scatter={output} />;
    case "heatmap":
      return <HeatMapPlot heatmap={output} />;
    case "image":
      return <ImageOutput image={output} />;
    case "table":
      return (
        <div className="output output-table table-scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                {output.columns.map((column, i) => (
                  <th key={i} scope="col">
                    {String(column)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {output.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) => (
                    <td key={c}>{String(cell)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "files":
      return <FilesOutput files={output} />;
    case "progress":
      return (
        <div className="output output-progress">
          <progress value={Number(output.value)} max={Number(output.max)} aria-label={String(output.label ?? "Progress")} />
          <span>{output.label ? String(output.label) : `${Math.round((100 * output.value) / output.max)}%`}</span>
        </div>
      );
  }
}

/**
 * Files a cell saved with "downloads://", as download links. TRUST BOUNDARY:
 * the bytes come from learner code, and a blob URL made here has the site's
 * origin, so every file is typed application/octet-stream: the browser saves
 * it, and never renders it as a page of this site.
 */
function FilesOutput({ files }: { files: Extract<CellOutput, { kind: "files" }> }) {
  const links = useMemo(
    () => files.files.map((file) => ({ name: String(file.name), size: file.bytes.byteLength, url: URL.createObjectURL(new Blob([file.bytes], { type: "application/octet-stream" })) })),
    [files],
  );
  useEffect(() => () => links.forEach((link) => URL.revokeObjectURL(link.url)), [links]);
  return (
    <div className="output output-files">
      <p className="output-caption">{String(files.label)}</p>
      <ul>
        {links.map((link) => (
          <li key={link.url}>
            <a href={link.url} download={link.name}>
              {link.name}
            </a>{" "}
            <span className="output-caption">({formatBytes(link.size)})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Pixels from the kernel, drawn on a canvas; scaled up without smoothing so each pixel stays visible. */
function ImageOutput({ image }: { image: Extract<CellOutput, { kind: "image" }> }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { width, height, pixels, scale } = image;
  useEffect(() => {
    const context = canvas.current?.getContext("2d");
    if (!context || pixels.length !== width * height * 4) return;
    context.putImageData(new ImageData(new Uint8ClampedArray(pixels), width, height), 0, 0);
  }, [pixels, width, height]);
  const label = image.label ? String(image.label) : `Image, ${width} by ${height} pixels`;
  return (
    <figure className="output output-image">
      <canvas
        ref={canvas}
        width={width}
        height={height}
        role="img"
        aria-label={label}
        style={{ width: width * scale, height: height * scale }}
      />
      {image.label && <figcaption>{label}</figcaption>}
    </figure>
  );
}
