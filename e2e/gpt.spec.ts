import { expect, setCellCode, test } from "./fixtures";

const LESSON = "/learn/small-gpt/training-a-small-gpt";

/**
 * The small GPT lesson's own cells in Chromium, trained on a small budget:
 * data, model, training with its chart, and the comparison over every
 * held-out sentence. Software WebGL on this machine takes seconds a step, so
 * the budget here shows learning (well below the uniform model), not the
 * full result: `npm run bench:gpt` trains on the lesson's budget.
 */
test.describe("the small GPT lesson", () => {
  test.skip(({ isMobile }) => isMobile, "kernel journeys run on the desktop project");

  test("trains the GPT in the browser and scores it on the held-out sentences beside the bigram baseline", async ({ page }) => {
    test.setTimeout(12 * 60_000);
    const cell = (id: string) => page.locator(`.cell[data-cell-id="${id}"]`);
    const run = async (id: string, timeout = 120_000) => {
      await cell(id).getByRole("button", { name: /^Run cell/ }).click();
      await expect(cell(id).getByTestId("count")).toHaveText(/\[\d+\]/, { timeout });
      await expect(cell(id).locator(".output-error")).toHaveCount(0);
    };
    await page.goto(LESSON);

    await run("data");
    await run("model");
    await expect(cell("model").locator("tbody tr").nth(1)).toContainText("107933");
    await run("generate");
    // A learner's smallest budget: a few small steps instead of 1,500, at a higher learning rate.
    await setCellCode(page, cell("budget"), "const STEPS = 30;\nconst BATCH = 8;\nconst LEARNING_RATE = 1e-2;");
    await run("budget");
    await run("train", 6 * 60_000);
    await expect(cell("train").locator(".output-chart")).toHaveCount(1);
    await expect(cell("train").locator(".output-chart")).toHaveAttribute("data-points", "1");

    await run("compare", 5 * 60_000);
    const rows = cell("compare").locator("tbody tr");
    const nats = async (row: number) => Number(await rows.nth(row).locator("td").nth(1).innerText());
    const [bigram, gpt] = [await nats(1), await nats(3)];
    expect(bigram).toBeGreaterThan(2.3);
    expect(bigram).toBeLessThan(2.55);
    // The uniform model's log 29 = 3.37 nats: thirty steps already learn the letters' frequencies.
    expect(gpt).toBeLessThan(Math.log(29) - 0.4);
  });
});
