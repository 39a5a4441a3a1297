"use client";

import { PLOT_LIMITS, type CellOutput } from "@/lib/kernel/protocol";

/**
 * Scatter plots and heat maps from `display.scatter` and `display.heatmap`,
 * drawn as SVG. Everything comes from learner code in the kernel, so every
 * value is read with Number or String here, and sizes are capped again: a
 * hostile frame could post anything, not only what display.ts sends.
 */

type Scatter = Extract<CellOutput, { kind: "scatter" }>;
type HeatMap = Extract<CellOutput, { kind: "heatmap" }>;

// Colour and shape both tell groups apart, so the plot reads without colour.
const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];
const MARKERS = ["circle", "square", "triangle", "diamond", "cross", "star", "plus", "ring"] as const;

const WIDTH = 640;
const HEIGHT = 400;
const MARGIN = { left: 56, right: 16, top: 16, bottom: 44 };

export function ScatterPlot({ scatter }: { scatter: Scatter }) {
  const points = scatter.points.slice(0, PLOT_LIMITS.points).map((p) => ({ x: Number(p.x), y: Number(p.y), label: optionalText(p.label), group: optionalText(p.group) ?? "" }));
  const groups = [...new Set(points.map((p) => p.group))];
  const x = axis(points.map((p) => p.x), MARGIN.left, WIDTH - MARGIN.right);
  const y = axis(points.map((p) => p.y), HEIGHT - MARGIN.bottom, MARGIN.top);
  const [xLabel, yLabel] = [String(scatter.xLabel), String(scatter.yLabel)];
  const title = optionalText(scatter.title);
  const description = `${title ?? "Scatter plot"}: ${points.length} points${groups.length > 1 ? ` in ${groups.length} groups` : ""}, ${xLabel} from ${format(x.min)} to ${format(x.max)}, ${yLabel} from ${format(y.min)} to ${format(y.max)}.`;
  return (
    <figure className="output output-plot output-scatter">
      {title && <figcaption className="output-plot-title">{title}</figcaption>}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description}>
        <Axes x={x} y={y} xLabel={xLabel} yLabel={yLabel} />
        {points.map((point, i) => {
          const g = groups.indexOf(point.group);
          const [cx, cy] = [x.scale(point.x), y.scale(point.y)];
          return (
            <g key={i} fill={COLOURS[g % COLOURS.length]} stroke={COLOURS[g % COLOURS.length]}>
              <Marker shape={MARKERS[g % MARKERS.length]!} x={cx} y={cy} />
              {point.label && (
                <text x={cx + 7} y={cy - 5} className="plot-point-label" stroke="none">
                  {point.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      {groups.length > 1 && (
        <ul className="plot-legend" aria-label="Groups">
          {groups.map((group, g) => (
            <li key={g}>
              <svg viewBox="0 0 14 14" width="14" height="14" aria-hidden="true" fill={COLOURS[g % COLOURS.length]} stroke={COLOURS[g % COLOURS.length]}>
                <Marker shape={MARKERS[g % MARKERS.length]!} x={7} y={7} />
              </svg>{" "}
              {group}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

/** A heat map with its row and column names, and the same numbers as a table for screen readers. */
export function HeatMapPlot({ heatmap }: { heatmap: HeatMap }) {
  const rows = heatmap.rows.slice(0, PLOT_LIMITS.cells).map(String);
  const columns = heatmap.columns.slice(0, PLOT_LIMITS.cells).map(String);
  const values = rows.map((_, r) => columns.map((_, c) => Number(heatmap.values[r]?.[c])));
  const [min, max] = [Number(heatmap.min), Number(heatmap.max)];
  const title = optionalText(heatmap.title);
  const cell = Math.max(12, Math.min(40, Math.floor(560 / Math.max(rows.length, columns.length, 1))));
  const labelWidth = 8 + 7 * Math.max(1, ...rows.map((r) => r.length));
  const labelHeight = 8 + 7 * Math.max(1, ...columns.map((c) => c.length));
  const showNumbers = cell >= 30;
  const width = labelWidth + cell * columns.length;
  const height = labelHeight + cell * rows.length;
  return (
    <figure className="output output-plot output-heatmap">
      {title && <figcaption className="output-plot-title">{title}</figcaption>}
      <div className="plot-scroll" role="group" aria-label={title ?? "Heat map"} tabIndex={0}>
        <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} aria-hidden="true">
          {columns.map((name, c) => (
            <text key={c} className="plot-tick" transform={`translate(${labelWidth + (c + 0.5) * cell + 4}, ${labelHeight - 6}) rotate(-60)`}>
              {name}
            </text>
          ))}
          {rows.map((name, r) => (
            <text key={r} className="plot-tick" x={labelWidth - 6} y={labelHeight + (r + 0.5) * cell + 4} textAnchor="end">
              {name}
            </text>
          ))}
          {values.map((row, r) =>
            row.map((value, c) => {
              const colour = heat(value, min, max);
              return (
                <g key={`${r}-${c}`}>
                  <rect x={labelWidth + c * cell} y={labelHeight + r * cell} width={cell} height={cell} fill={colour.fill} />
                  {showNumbers && Number.isFinite(value) && (
                    <text x={labelWidth + (c + 0.5) * cell} y={labelHeight + (r + 0.5) * cell + 4} textAnchor="middle" fill={colour.ink} className="plot-cell-value">
                      {format(value, 2)}
                    </text>
                  )}
                </g>
              );
            }),
          )}
        </svg>
      </div>
      <p className="output-caption">
        Colour scale: dark is {format(min)}, bright is {format(max)}.
      </p>
      <table className="visually-hidden">
        {title && <caption>{title}</caption>}
        <thead>
          <tr>
            <td />
            {columns.map((name, c) => (
              <th key={c} scope="col">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {values.map((row, r) => (
            <tr key={r}>
              <th scope="row">{rows[r]}</th>
              {row.map((value, c) => (
                <td key={c}>{format(value)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

type Axis = { min: number; max: number; ticks: number[]; scale: (value: number) => number };

/** A linear axis over the values with about five round ticks, mapped onto pixels from `from` to `to`. */
export function axis(values: number[], from: number, to: number): Axis {
  const finite = values.filter(Number.isFinite);
  let [min, max] = finite.length ? [Math.min(...finite), Math.max(...finite)] : [0, 1];
  if (min === max) [min, max] = [min - 1, max + 1];
  const step = niceStep((max - min) / 5);
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  const pad = (max - min) * 0.04;
  const [low, high] = [min - pad, max + pad];
  return { min, max, ticks, scale: (value) => from + ((value - low) / (high - low)) * (to - from) };
}

/** 1, 2 or 5 times a power of ten, the nearest at or above `rough`. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const fraction = rough / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

function Axes({ x, y, xLabel, yLabel }: { x: Axis; y: Axis; xLabel: string; yLabel: string }) {
  const [left, bottom] = [MARGIN.left, HEIGHT - MARGIN.bottom];
  return (
    <g className="plot-axes">
      <line x1={left} y1={bottom} x2={WIDTH - MARGIN.right} y2={bottom} />
      <line x1={left} y1={MARGIN.top} x2={left} y2={bottom} />
      {x.ticks.map((t) => (
        <text key={`x${t}`} className="plot-tick" x={x.scale(t)} y={bottom + 16} textAnchor="middle">
          {format(t)}
        </text>
      ))}
      {y.ticks.map((t) => (
        <text key={`y${t}`} className="plot-tick" x={left - 6} y={y.scale(t) + 4} textAnchor="end">
          {format(t)}
        </text>
      ))}
      <text className="plot-axis-label" x={(left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 8} textAnchor="middle">
        {xLabel}
      </text>
      <text className="plot-axis-label" transform={`translate(14, ${(MARGIN.top + bottom) / 2}) rotate(-90)`} textAnchor="middle">
        {yLabel}
      </text>
    </g>
  );
}

function Marker({ shape, x, y }: { shape: (typeof MARKERS)[number]; x: number; y: number }) {
  const r = 4.5;
  switch (shape) {
    case "circle":
      return <circle cx={x} cy={y} r={r} />;
    case "ring":
      return <circle cx={x} cy={y} r={r} fill="none" strokeWidth={1.6} />;
    case "square":
      return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} />;
    case "triangle":
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`} />;
    case "diamond":
      return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`} />;
    case "star":
      return <polygon points={starPoints(x, y, r + 1.5)} />;
    case "cross":
      return <path d={`M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`} strokeWidth={2} />;
    case "plus":
      return <path d={`M${x - r},${y}L${x + r},${y}M${x},${y - r}L${x},${y + r}`} strokeWidth={2} />;
  }
}

function starPoints(x: number, y: number, r: number): string {
  return Array.from({ length: 10 }, (_, i) => {
    const angle = (Math.PI / 5) * i - Math.PI / 2;
    const radius = i % 2 === 0 ? r : r / 2.3;
    return `${x + radius * Math.cos(angle)},${y + radius * Math.sin(angle)}`;
  }).join(" ");
}

/**
 * A cell's colour on a dark-to-bright scale (viridis, which stays readable in
 * grey and to colour-blind readers), and an ink that contrasts with it.
 */
export function heat(value: number, min: number, max: number): { fill: string; ink: string } {
  if (!Number.isFinite(value)) return { fill: "#888888", ink: "#000000" };
  const t = max > min ? Math.min(1, Math.max(0, (value - min) / (max - min))) : 0.5;
  const stops = [
    [68, 1, 84],
    [59, 82, 139],
    [33, 145, 140],
    [94, 201, 98],
    [253, 231, 37],
  ];
  const position = t * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(position));
  const f = position - i;
  const [r, g, b] = stops[i]!.map((c, k) => Math.round(c + (stops[i + 1]![k]! - c) * f));
  const luminance = (0.2126 * r! + 0.7152 * g! + 0.0722 * b!) / 255;
  return { fill: `rgb(${r}, ${g}, ${b})`, ink: luminance > 0.5 ? "#000000" : "#ffffff" };
}

function optionalText(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value).slice(0, PLOT_LIMITS.title);
}

function format(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) >= 1e4 || Math.abs(value) < 1e-3)) return value.toExponential(1);
  return Number(value.toFixed(digits)).toString();
}
