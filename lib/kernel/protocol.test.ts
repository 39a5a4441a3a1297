import { describe, expect, it } from "vitest";
import { parseCalibration } from "./protocol";

describe("parseCalibration", () => {
  it("keeps a well-formed calibration as it is", () => {
    const calibration = {
      dense: { backend: "wasm", millisecondsPerStep: { wasm: 1.2, webgl: 11.9 } },
      conv: { backend: "webgl", millisecondsPerStep: { webgl: 48.4, webgpu: 359.7 } },
    };
    expect(parseCalibration(calibration)).toEqual(calibration);
  });

  it("drops unknown workloads and backends, and times that are not finite, non-negative numbers", () => {
    const parsed = parseCalibration({
      dense: { backend: "wasm", millisecondsPerStep: { wasm: 1, webgl: "2", cpu: Infinity, webgpu: -3, evil: 4 } },
      conv: { backend: "quantum", millisecondsPerStep: { webgl: 1 } },
      sound: { backend: "webgl", millisecondsPerStep: { webgl: 1 } },
      __proto__: { backend: "webgl" },
    });
    expect(parsed).toEqual({ dense: { backend: "wasm", millisecondsPerStep: { wasm: 1 } } });
  });

  it("is undefined when nothing in it is usable", () => {
    for (const value of [undefined, null, 3, "webgl", [], {}, { dense: null }, { dense: { backend: 1 } }]) {
      expect(parseCalibration(value)).toBeUndefined();
    }
  });
});
