import { describe, expect, it } from "vitest";
import { SERVING_LIMITS } from "./limits";
import { responseOutputProblem, uploadOutputProblem, valuesPerInstance } from "./output-bounds";

describe("valuesPerInstance", () => {
  it("multiplies the dimensions after the batch", () => {
    expect(valuesPerInstance([null, 28, 28, 1])).toEqual({ values: 784, open: false });
    expect(valuesPerInstance([null])).toEqual({ values: 1, open: false });
    expect(valuesPerInstance([4, 3])).toEqual({ values: 3, open: false });
    expect(valuesPerInstance([null, 0, 5])).toEqual({ values: 0, open: false });
  });

  it("counts open dimensions as 1 and says there were some", () => {
    expect(valuesPerInstance([null, null, 1000])).toEqual({ values: 1000, open: true });
  });
});

describe("uploadOutputProblem", () => {
  it("accepts outputs up to the cap", () => {
    expect(uploadOutputProblem([null, 10])).toBeUndefined();
    expect(uploadOutputProblem([null, SERVING_LIMITS.outputValuesPerInstance])).toBeUndefined();
    expect(uploadOutputProblem([null, null, 1000])).toBeUndefined();
  });

  it("refuses a larger output, naming its shape, its size and the cap", () => {
    expect(uploadOutputProblem([null, 10000, 100])).toBe(
      "This model answers 1,000,000 numbers per instance (its output shape is [null, 10000, 100]); a served model may answer at most 100,000. Make its output smaller (fewer units, a smaller repeatVector or upSampling) and upload it again.",
    );
    expect(uploadOutputProblem([null, SERVING_LIMITS.outputValuesPerInstance + 1])).toContain("100,001 numbers per instance");
  });

  it("refuses an output whose known dimensions alone pass the cap", () => {
    expect(uploadOutputProblem([null, null, 1000, 1000])).toContain("at least 1,000,000 numbers per instance (its output shape is [null, null, 1000, 1000], counting each null dimension as 1)");
  });

  it("does not overflow into acceptance", () => {
    expect(uploadOutputProblem([null, 2 ** 40, 2 ** 40, 2 ** 40])).toBeDefined();
  });
});

describe("responseOutputProblem", () => {
  it("accepts a response within both caps", () => {
    expect(responseOutputProblem([128, 10])).toBeUndefined();
    expect(responseOutputProblem([10, SERVING_LIMITS.outputValuesPerInstance])).toBeUndefined();
    expect(responseOutputProblem([0, 5])).toBeUndefined();
  });

  it("refuses an instance whose output passed the cap at run time", () => {
    expect(responseOutputProblem([1, 200, 1000])).toBe(
      "For this input the model answers 200,000 numbers per instance (output shape [1, 200, 1000]); a served model may answer at most 100,000. Send smaller instances.",
    );
  });

  it("refuses a batch whose outputs together pass the response cap, saying how many instances fit", () => {
    expect(responseOutputProblem([30, 50, 1000])).toBe(
      "30 instances make 1,500,000 output numbers (50,000 each); a response may hold at most 1,000,000. Send at most 20 instances per request.",
    );
    expect(responseOutputProblem([11, SERVING_LIMITS.outputValuesPerInstance])).toContain("Send at most 10 instances");
  });

  it("leaves every servable model at least ten instances per request", () => {
    expect(SERVING_LIMITS.outputValuesPerResponse / SERVING_LIMITS.outputValuesPerInstance).toBeGreaterThanOrEqual(10);
  });
});
