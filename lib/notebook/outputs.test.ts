import { describe, expect, it } from "vitest";
import type { CellOutput } from "@/lib/kernel/protocol";
import { appendLateOutput, appendOutput, updateSketch, type ShownOutput } from "./outputs";

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

describe("sketch pads", () => {
  it("a pad starts with no results, and its results change without touching the other outputs", () => {
    const shown = fold([
      { kind: "log", level: "log", text: "before" },
      { kind: "sketch", id: "s1", size: 28 },
    ]);
    expect(shown[1]).toEqual({ kind: "sketch", id: "s1", size: 28, results: [], busy: false });
    const updated = updateSketch(shown, "s1", (pad) => ({ ...pad, results: appendOutput(pad.results, { kind: "value", text: "It reads 7" }) }));
    expect(updated[0]).toBe(shown[0]);
    expect(updated[1]).toMatchObject({ results: [{ kind: "value", text: "It reads 7" }] });
    expect(updateSketch(shown, "unknown", (pad) => ({ ...pad, busy: true }))).toBe(shown);
  });
});

describe("late output", () => {
  it("is set off once by the late marker, and chart points still fold into their chart", () => {
    let shown = appendOutput([], { kind: "chart", chart: { id: "c", xLabel: "step", series: ["loss"] } });
    shown = appendLateOutput(shown, { kind: "chart-points", id: "c", points: [{ x: 1, y: [0.5] }] });
    expect(shown.map((o) => o.kind)).toEqual(["chart"]);
    shown = appendLateOutput(shown, { kind: "log", level: "log", text: "later" });
    shown = appendLateOutput(shown, { kind: "log", level: "log", text: "later still" });
    expect(shown.map((o) => o.kind)).toEqual(["chart", "late", "log", "log"]);
  });
});
