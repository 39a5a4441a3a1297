"use client";

import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { ChartOutput } from "./outputs";

const COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"];

/**
 * A line chart that grows as training logs arrive. uPlot redraws thousands of
 * points in well under a frame, so new points are applied with setData as
 * they come, at most once per animation frame.
 */
export function LiveChart({ chart }: { chart: ChartOutput }) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const frame = useRef(0);
  const { id, title, xLabel, series } = chart.chart;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    plot.current = new uPlot(
      {
        title,
        width: Math.min(element.clientWidth || 600, 640),
        height: 240,
        scales: { x: { time: false } },
        axes: [{ label: xLabel }, {}],
        series: [{ label: xLabel }, ...series.map((name, i) => ({ label: name, stroke: COLOURS[i % COLOURS.length], width: 2 }))],
      },
      [[], ...series.map(() => [])],
      element,
    );
    return () => {
      cancelAnimationFrame(frame.current);
      plot.current?.destroy();
      plot.current = null;
    };
  }, [id, title, xLabel, series]);

  useEffect(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => plot.current?.setData([chart.xs, ...chart.ys] as uPlot.AlignedData));
  }, [chart.xs, chart.ys]);

  const last = chart.xs.length - 1;
  const summary =
    last < 0
      ? "No points yet."
      : `${xLabel} ${chart.xs[last]}: ${series.map((name, i) => `${name} ${formatNumber(chart.ys[i]?.[last])}`).join(", ")}.`;
  return (
    <figure className="output output-chart" data-points={chart.xs.length}>
      <div ref={container} aria-hidden="true" />
      <figcaption className="visually-hidden">
        {title ?? "Chart"} of {series.join(" and ")} by {xLabel}, {chart.xs.length} points. Latest: {summary}
      </figcaption>
    </figure>
  );
}

function formatNumber(value: number | null | undefined): string {
  return typeof value === "number" ? value.toPrecision(4) : "none";
}
