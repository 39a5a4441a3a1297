import { readFileSync } from "node:fs";
import { expect, setCellCode, test } from "./fixtures";

const LESSON = "/learn/small-gpt/training-a-small-gpt";
/** A learner's smaller model: a context of 32, d = 32, two heads, one layer (15,677 parameters). */
const SMALL_CONFIG = "const config = { vocabulary: V, context: 32, dModel: 32, heads: 2, layers: 1 };";
/** The lesson's data cell, read from the lesson, with the smaller model's config line. */
function smallModelDataCell(): string {
  const source = readFileSync("content/small-gpt/training-a-small-gpt.mdx", "utf8");
  const code = /```ts run id=data[^\n]*\n([\s\S]*?)\n```/.exec(source)![1]!;
  expect(code).toMatch(/^const config = .*;$/m);
  return code.replace(/^const config = .*;$/m, SMALL_CONFIG);
}

/**
 * The small GPT lesson's own cells in Chromium, trained on a reduced budget:
 * data, model, training with its chart, and the comparison over every
 * held-out sentence, where the GPT must beat the bigram baseline. Software
 * WebGL on this machine takes about a second a step for the lesson's model,
 * so a learner's smaller model and budget stand in for it here (measured:
 * 600 steps reach 2.23 nats per character, against the bigram's 2.42);
 * `npm run bench:gpt` trains the lesson's own model on its own budget.
 */
test.describe("the small GPT lesson", () => {
  test.skip(({ isMobile }) => isMobile, "kernel journeys run on the desktop project");

  test("trains the GPT in the browser and scores it on the held-out sentences beside the bigram baseline", async ({ page }) => {
    test.setTimeout(15 * 60_000);
    const cell = (id: string) => page.locator(`.cell[data-cell-id="${id}"]`);
    const run = async (id: string, timeout = 120_000) => {
      await cell(id).getByRole("button", { name: /^Run cell/ }).click();
      await expect(cell(id).getByTestId("count")).toHaveText(/\[\d+\]/, { timeout });
      await expect(cell(id).locator(".output-error")).toHaveCount(0);
    };
    await page.goto(LESSON);

    await setCellCode(page, cell("data"), smallModelDataCell());
    await run("data");
    await run("model");
    // The formula and the model's own weights agree for this size too: 2·29·32 + 32·32 + (12·32² + 13·32) + 2·32 + 29.
    await expect(cell("model").locator("tbody tr").nth(0)).toContainText("15677");
    await expect(cell("model").locator("tbody tr").nth(1)).toContainText("15677");
    await run("generate");
    // A learner's smaller budget: 400 steps of 16 windows instead of 1,500 of 32, at a higher learning rate.
    await setCellCode(page, cell("budget"), "const STEPS = 400;\nconst BATCH = 16;\nconst LEARNING_RATE = 1e-2;");
    await run("budget");
    await run("train", 8 * 60_000);
    await expect(cell("train").locator(".output-chart")).toHaveCount(1);
    await expect(cell("train").locator(".output-chart")).toHaveAttribute("data-points", "4");

    await run("compare", 5 * 60_000);
    const rows = cell("compare").locator("tbody tr");
    const nats = async (row: number) => Number(await rows.nth(row).locator("td").nth(1).innerText());
    const [bigram, gpt] = [await nats(1), await nats(3)];
    expect(bigram).toBeGreaterThan(2.3);
    expect(bigram).toBeLessThan(2.55);
    // Attention over 32 characters of context beats one character of it.
    expect(gpt).toBeLessThan(bigram);
  });
});
