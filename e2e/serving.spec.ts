import { expect, expectNoSeriousAxeViolations, setCellCode, test } from "./fixtures";

const LESSON = "/learn/serving/serving-a-model";

/**
 * The serving journey: train the lesson's model in the browser, save it to
 * IndexedDB and load it back, download its files, upload them on the models
 * page, create a key, call the model from a cell with it (a request with no
 * cookies, from the kernel's opaque origin), see bad requests refused, revoke
 * the key and see the next call refused.
 */
test.describe("serving a model", () => {
  test.skip(({ isMobile }) => isMobile, "kernel journeys run on the desktop project");

  test("a learner saves, uploads and serves a model, calls it with a key, and revokes the key", async ({ page, context, pageProblems }, testInfo) => {
    test.setTimeout(10 * 60_000);
    const cell = (id: string) => page.locator(`.cell[data-cell-id="${id}"]`);
    const run = async (id: string) => {
      await cell(id).getByRole("button", { name: /^Run cell/ }).click();
      await expect(cell(id).getByRole("button", { name: /^Run cell/ })).toBeEnabled({ timeout: 300_000 });
    };
    await page.goto(LESSON);

    await run("model");
    await expect(cell("model").locator(".output-log")).toHaveText("101770 parameters", { timeout: 120_000 });
    await run("train");
    const accuracyLine = cell("train").locator(".output-log");
    await expect(accuracyLine).toHaveText(/^held-out accuracy: 0\.\d{3}$/, { timeout: 300_000 });
    expect(Number((await accuracyLine.textContent())!.split(": ")[1])).toBeGreaterThan(0.9);

    await run("artifacts");
    await expect(cell("artifacts").locator(".output-log")).toHaveText("weights: 407080 bytes = 4 × 101770 parameters");

    await run("indexeddb");
    await expect(cell("indexeddb").locator("table")).toContainText("indexeddb://digits-dense");
    await expect(cell("indexeddb").locator(".output-log")).toHaveText("largest difference over 100 digits: 0");

    await run("download");
    const links = cell("download").locator(".output-files a");
    await expect(links).toHaveText(["digits-dense.json", "digits-dense.weights.bin"]);
    const saved: string[] = [];
    for (const link of await links.all()) {
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      const file = testInfo.outputPath(download.suggestedFilename());
      await download.saveAs(file);
      saved.push(file);
    }

    // The models page, in a second tab, as a learner would open it.
    const models = await context.newPage();
    await models.goto("/models");
    await models.getByLabel("Name").fill("digits-dense");
    await models.getByLabel("Topology (the .json file)").setInputFiles(saved[0]!);
    await models.getByLabel(/^Weights/).setInputFiles(saved[1]!);
    await models.getByRole("button", { name: "Upload and serve" }).click();
    const served = models.getByTestId("served-model");
    await expect(served).toContainText("[batch, 28, 28, 1]");
    await expect(served).toContainText("101,770");
    await served.getByLabel("Key name").fill("notebook");
    await served.getByRole("button", { name: "Create key" }).click();
    const key = await served.getByTestId("new-key").inputValue();
    expect(key).toMatch(/^dsk_/);
    const endpoint = (await served.getByTestId("endpoint").textContent())!;
    await expectNoSeriousAxeViolations(models);

    await page.bringToFront();
    await setCellCode(page, cell("connect"), `const ENDPOINT = "${endpoint}";\nconst API_KEY = "${key}";`);
    await run("connect");
    await run("call");
    await expect(cell("call").locator("tbody tr")).toHaveCount(8);
    const gapLine = cell("call").locator(".output-log");
    await expect(gapLine).toHaveText(/^largest difference from the model in this page: /);
    expect(Number((await gapLine.textContent())!.split(": ")[1])).toBeLessThan(1e-4);

    await run("refusals");
    await expect(cell("refusals").locator(".output-log")).toHaveText([
      /^400: instances\[0\] has shape \[784\]; this model takes \[28, 28, 1\]/,
      /^400: instances\[0\] has shape \[1, 1\]/,
      /^401: This API key is not valid for this model/,
    ]);

    await models.bringToFront();
    await served.getByRole("button", { name: "Revoke key notebook" }).click();
    await expect(served.locator("tbody")).toContainText("revoked");
    await page.bringToFront();
    await run("call");
    await expect(cell("call").locator(".output-error")).toContainText("the service answered 401: This API key was revoked");

    await models.reload();
    await expect(models.getByTestId("served-model").locator("tbody tr")).toContainText(["revoked"]);
    await expect(models.getByTestId("served-model").locator("tbody tr td").nth(3)).not.toHaveText("never");

    // The refused calls above were the point of the test, not problems of the page.
    pageProblems.splice(0, pageProblems.length, ...pageProblems.filter((problem) => !/HTTP 40[01]: .*\/predict$/.test(problem)));
  });
});
