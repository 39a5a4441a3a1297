import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cachedFromContent } from "./content-cache";

const dir = mkdtempSync(path.join(tmpdir(), "descent-content-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("cachedFromContent, outside production", () => {
  it("builds once while content/ is unchanged, and again after an edit", async () => {
    const file = path.join(dir, "lesson.mdx");
    writeFileSync(file, "one");
    let builds = 0;
    const get = cachedFromContent(dir, async () => ++builds);
    expect(await get()).toBe(1);
    expect(await get()).toBe(1);
    writeFileSync(file, "two, longer");
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(await get()).toBe(2);
  });

  it("does not keep a failed build", async () => {
    let calls = 0;
    const get = cachedFromContent(dir, async () => {
      calls += 1;
      if (calls === 1) throw new Error("broken lesson");
      return "fixed";
    });
    await expect(get()).rejects.toThrow("broken lesson");
    expect(await get()).toBe("fixed");
  });
});
