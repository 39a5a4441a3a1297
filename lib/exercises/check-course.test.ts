import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "@/lib/content/problems";
import { checkCourse } from "./check-course";

const fixtures = path.resolve(import.meta.dirname, "../../test/fixtures");
const root = path.resolve(import.meta.dirname, "../..");

describe("checkCourse on a good course", () => {
  it("passes the full check, bodies included", async () => {
    const { problems } = await checkCourse(path.join(fixtures, "good"), root);
    expect(problems.map(formatProblem)).toEqual([]);
  });
});
