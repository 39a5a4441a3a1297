import { expect, test } from "./fixtures";
const lessons = (process.env.RUNALL ?? "").split(",").filter(Boolean);
for (const href of lessons) {
  test(`run all ${href}`, async ({ page }) => {
    test.setTimeout(600_000);
    await page.goto(href);
    await page.getByRole("button", { name: "Run all" }).first().click();
    const cells = page.locator(".cell:not(section[data-exercise-id] .cell)");
    const n = await cells.count();
    const t0 = Date.now();
    for (let i = 0; i < n; i++) {
      await expect(cells.nth(i).getByTestId("count")).toHaveText(/\[\d+\]/, { timeout: 300_000 });
      console.log(href, "cell", i, "done at", Date.now() - t0, "ms", (await cells.nth(i).locator(".output-error").allInnerTexts()).join(" | ").slice(0, 300));
    }
  });
}
