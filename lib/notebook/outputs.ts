import type { CellOutput } from "@/lib/kernel/protocol";

/** A chart as shown: its spec and every point so far, one x and one y per series. */
export type ChartOutput = Extract<CellOutput, { kind: "chart" }> & { xs: number[]; ys: Array<Array<number | null>> };

/** Outputs as a cell shows them: chart points are folded into their chart, progress updates into their bar. */
export type ShownOutput = Exclude<CellOutput, { kind: "chart" | "chart-points" }> | ChartOutput;

/**
 * Adds one kernel output to a cell's shown outputs. Returns a new array (so
 * React sees a change) but keeps the unchanged entries.
 */
export function appendOutput(shown: ShownOutput[], output: CellOutput): ShownOutput[] {
  switch (output.kind) {
    case "chart":
      return [...shown, { ...output, xs: [], ys: output.chart.series.map(() => []) }];
    case "chart-points": {
      const index = shown.findIndex((o) => o.kind === "chart" && o.chart.id === output.id);
      const chart = shown[index] as ChartOutput | undefined;
      if (!chart) return shown;
      const xs = [...chart.xs, ...output.points.map((p) => p.x)];
      const ys = chart.ys.map((series, s) => [...series, ...output.points.map((p) => p.y[s] ?? null)]);
      return replaceAt(shown, index, { ...chart, xs, ys });
    }
    case "progress": {
      const index = shown.findIndex((o) => o.kind === "progress" && o.id === output.id);
      return index === -1 ? [...shown, output] : replaceAt(shown, index, output);
    }
    default:
      return [...shown, output];
  }
}

function replaceAt<T>(items: T[], index: number, item: T): T[] {
  const copy = [...items];
  copy[index] = item;
  return copy;
}
