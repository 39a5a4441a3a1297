import type { CellOutput } from "@/lib/kernel/protocol";

/** A chart as shown: its spec and every point so far, one x and one y per series. */
export type ChartOutput = Extract<CellOutput, { kind: "chart" }> & { xs: number[]; ys: Array<Array<number | null>> };

/** A drawing pad as shown: what its callback returned for the latest drawing. */
export type SketchOutput = Extract<CellOutput, { kind: "sketch" }> & { results: ShownOutput[]; busy: boolean };

/** Where a cell's late output starts: what its timers and promises printed after the run had ended. */
export type LateMarker = { kind: "late" };

/** Outputs as a cell shows them: chart points are folded into their chart, progress updates into their bar. */
export type ShownOutput = Exclude<CellOutput, { kind: "chart" | "chart-points" | "sketch" }> | ChartOutput | SketchOutput | LateMarker;

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
    case "sketch":
      return [...shown, { ...output, results: [], busy: false }];
    default:
      return [...shown, output];
  }
}

/**
 * Adds output that came after the run ended. The first that adds an entry
 * (not a point for a chart already shown) is preceded by the late marker.
 */
export function appendLateOutput(shown: ShownOutput[], output: CellOutput): ShownOutput[] {
  const appended = appendOutput(shown, output);
  if (appended.length === shown.length || shown.some((o) => o.kind === "late")) return appended;
  return appendOutput([...shown, { kind: "late" }], output);
}

/** Changes one sketch pad among a cell's outputs (e.g. its latest results); the rest stay as they are. */
export function updateSketch(shown: ShownOutput[], sketchId: string, change: (sketch: SketchOutput) => SketchOutput): ShownOutput[] {
  const index = shown.findIndex((o) => o.kind === "sketch" && o.id === sketchId);
  return index === -1 ? shown : replaceAt(shown, index, change(shown[index] as SketchOutput));
}

function replaceAt<T>(items: T[], index: number, item: T): T[] {
  const copy = [...items];
  copy[index] = item;
  return copy;
}
