import { describe, expect, it } from "vitest";
import type { CellOutput } from "@/lib/kernel/protocol";
import { appendOutput, type ShownOutput } from "./outputs";

const fold = (outputs: CellOutput[]) => outputs.reduce<ShownOutput[]>(appendOutput, []);

describe("appendOutput", () => {
  it("keeps logs and values in order", () => {
    const shown = fold([
      { kind: "log", level: "log", text: "a" },
      { kind: "value", text: "1" },
    ]);
    expect(shown.map((o) => o.kind)).toEqual(["log", "value"]);
  });

  it("folds chart points into their chart, series by series", () => {
    const shown = fold([
      { kind: "chart", chart: { id: "c1", xLabel: "epoch", series: ["loss", "acc"] } },
      { kind: "log", level: "log", text: "between" },
      { kind: "chart-points", id: "c1", points: [{ x: 1, y: [0.9, 0.5] }] },
      { kind: "chart-points", id: "c1", points: [{ x: 2, y: [0.4, null] }] },
    ]);
    expect(shown).toHaveLength(2);
    expect(shown[0]).toMatchObject({ kind: "chart", xs: [1, 2], ys: [[0.9, 0.4], [0.5, null]] });
  });

  it("ignores points for a chart it never saw", () => {
    expect(fold([{ kind: "chart-points", id: "nope", points: [{ x: 1, y: [1] }] }])).toEqual([]);
  });

  it("updates a progress bar in place", () => {
    const shown = fold([
      { kind: "progress", id: "p", value: 0, max: 10 },
      { kind: "progress", id: "p", value: 5, max: 10, label: "half" },
    ]);
    expect(shown).toEqual([{ kind: "progress", id: "p", value: 5, max: 10, label: "half" }]);
  });
});
