import type { Page } from "@playwright/test";
import { expect, expectNoSeriousAxeViolations, setCellCode, test } from "./fixtures";

const LESSON = "/learn/gradient-descent/the-update-rule";

const cell = (page: Page, n: number) => page.locator(".cell").nth(n);
const runCell = (page: Page, n: number) => cell(page, n).getByRole("button", { name: /^Run cell/ }).click();
const outputs = (page: Page, n: number) => cell(page, n).locator(".cell-outputs");

test.describe("the notebook", () => {
  test.describe.configure({ timeout: 90_000 });
  // One browser is enough here: these journeys exercise the kernel, not the layout.
  test.skip(({ isMobile }) => isMobile, "kernel journeys run on the desktop project");

  test("shows code at once, loads no editor or TensorFlow.js until a cell is in view, then starts the kernel ahead of a click", async ({ page }) => {
    const scripts: string[] = [];
    page.on("request", (request) => scripts.push(request.url()));
    // Lesson URLs may contain "tfjs" (the tensors lesson is prefetched): only the heavy code counts.
    const heavy = () => scripts.filter((url) => !url.includes("/learn/") && /monaco|kernel\/|tfjs/.test(url));
    await page.goto(LESSON);
    await expect(page.locator(".cell").first()).not.toBeInViewport();
    await page.waitForTimeout(1500); // idle, with no cell in view: nothing starts
    await expect(page.locator(".kernel-status")).toHaveText("Kernel starts when you run a cell");
    expect(heavy()).toEqual([]);

    // A cell scrolled into view starts the kernel once the page is idle, without a click; still no editor.
    await cell(page, 0).locator("pre.shiki").scrollIntoViewIfNeeded();
    await expect(page.locator(".kernel-status")).toHaveText("Ready", { timeout: 60_000 });
    expect(heavy().some((url) => url.includes("/kernel/worker.js"))).toBe(true);
    expect(heavy().filter((url) => /monaco/.test(url))).toEqual([]);
    // A dense lesson's kernel loads the WASM backend's chunk and binary, and no GPU backend's code.
    await expect(page.getByTestId("backend")).toHaveValue("wasm");
  });

  test.describe("in a browser not yet calibrated", () => {
    test.use({ calibrated: false });

    test("a lesson that trains convolutions starts on WebGL; an idle notebook calibrates the browser per workload, never choosing WASM for convolutions", async ({ page }) => {
      await page.goto("/learn/convolution/convolution-2d");
      await runCell(page, 0);
      await expect(page.getByTestId("backend")).toHaveValue("webgl", { timeout: 60_000 });
      await expect(cell(page, 0).getByTestId("count")).toHaveText("[1]", { timeout: 60_000 });
      const saved = () => page.evaluate(() => localStorage.getItem("descent:calibration"));
      await expect.poll(saved, { timeout: 90_000 }).not.toBeNull();
      const { calibration } = JSON.parse((await saved())!);
      expect(Object.keys(calibration).sort()).toEqual(["conv", "dense", "sequence"]);
      expect(calibration.conv.backend).not.toBe("wasm");
      expect(calibration.conv.millisecondsPerStep.wasm).toBeUndefined(); // it cannot train a convolution
      expect(calibration.dense.millisecondsPerStep.wasm).toBeGreaterThan(0);
      // The kernel that ran a cell keeps its backend (and the learner's variables).
      await expect(page.getByTestId("backend")).toHaveValue("webgl");
      await expect(cell(page, 0).getByTestId("count")).toHaveText("[1]");
    });
  });

  test("runs cells in one shared scope, on the backend for the lesson's workload, with counters", async ({ page }) => {
    await page.goto(LESSON);
    await runCell(page, 0);
    await expect(outputs(page, 0)).toContainText("-9.333", { timeout: 60_000 });
    await runCell(page, 1); // uses x and y defined by the first cell
    await expect(outputs(page, 1)).toContainText(/1\.99999/, { timeout: 60_000 }); // 1000 optimizer steps
    await expect(cell(page, 0).getByTestId("count")).toHaveText("[1]");
    await expect(cell(page, 1).getByTestId("count")).toHaveText("[2]");
    // Small dense models: WASM first, until this browser is calibrated.
    await expect(page.getByTestId("backend")).toHaveValue("wasm");
    await expect(page.getByTestId("memory")).toContainText("tensors");

    // Re-running an earlier cell marks the later one stale.
    await runCell(page, 0);
    await expect(cell(page, 1)).toHaveAttribute("data-state", "stale");
  });

  test("runs TypeScript, shows a value, and points at the line of an error", async ({ page }) => {
    await page.goto(LESSON);
    await setCellCode(page, cell(page, 0), "interface Pair { a: number; b: number }\nconst pair: Pair = { a: 40, b: 2 };\npair.a + pair.b");
    await page.keyboard.press("Shift+Enter");
    await expect(outputs(page, 0)).toHaveText("42", { timeout: 60_000 });
    await expect(cell(page, 0).getByTestId("count")).toHaveText("[1]");

    await setCellCode(page, cell(page, 0), "const fine = 1;\nconst broken: any = null;\nbroken.oops;");
    await page.keyboard.press("Shift+Enter");
    const error = outputs(page, 0).getByRole("alert");
    await expect(error).toContainText("TypeError on line 3");
    await expect(error).toContainText("oops");
    await expect(cell(page, 0).locator(".monaco-editor .squiggly-error")).toHaveCount(1);
  });

  test("what a cell prints after it finished shows under that cell, marked late, even while another cell runs; running it again cuts the old run off", async ({ page }) => {
    test.setTimeout(150_000); // about 30 s of the cells' own timers, and four edits
    await page.goto(LESSON);
    // The first cell's timer fires while the second cell is running.
    await setCellCode(page, cell(page, 0), 'setTimeout(() => console.log("late from the first cell"), 5000);\n"started"');
    await runCell(page, 0);
    await expect(outputs(page, 0)).toContainText("started", { timeout: 60_000 });
    await setCellCode(page, cell(page, 1), 'await new Promise((resolve) => setTimeout(resolve, 8000));\n"second done"');
    await runCell(page, 1);
    await expect(cell(page, 1)).toHaveAttribute("data-state", "running");
    await expect(outputs(page, 0)).toContainText("late from the first cell", { timeout: 15_000 });
    await expect(outputs(page, 0).getByRole("note")).toHaveText(/After the cell finished/);
    await expect(outputs(page, 1)).toContainText("second done", { timeout: 30_000 });
    await expect(outputs(page, 1)).not.toContainText("late from");

    // Run again before the old timer fires; the new run's timer fires after the old one's (one worker, timers in
    // order), so once "new run" shows, "old run" was printed and cut off.
    await setCellCode(page, cell(page, 0), 'setTimeout(() => console.log("old run"), 6000);\n"first"');
    await runCell(page, 0);
    await expect(outputs(page, 0)).toHaveText("first");
    await setCellCode(page, cell(page, 0), 'setTimeout(() => console.log("new run"), 9000);\n"second"');
    await runCell(page, 0);
    await expect(outputs(page, 0)).toContainText("new run", { timeout: 20_000 });
    await expect(outputs(page, 0)).not.toContainText("old run");
    await expectNoSeriousAxeViolations(page);
  });

  test("Stop ends an infinite loop at once, keeps the page responsive, and restarts the kernel", async ({ page }) => {
    await page.goto(LESSON);
    await setCellCode(page, cell(page, 0), "let spins = 0;\nwhile (true) { spins++; }");
    await page.keyboard.press("Shift+Enter");
    await expect(cell(page, 0)).toHaveAttribute("data-state", "running", { timeout: 60_000 });
    // The page's own thread is free while the kernel spins.
    expect(await page.evaluate(() => 6 * 7)).toBe(42);
    // Time the app itself, from the click on Stop to the verdict on screen, not Playwright's own overhead.
    const latency = page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const stop = [...document.querySelectorAll("button")].find((b) => b.textContent === "Stop")!;
          stop.addEventListener("click", () => {
            const clickedAt = performance.now();
            const cell = document.querySelector(".cell")!;
            const check = () => cell.textContent?.includes("Stopped") && resolve(performance.now() - clickedAt);
            new MutationObserver(check).observe(cell, { childList: true, subtree: true, characterData: true });
          });
        }),
    );
    await page.getByRole("button", { name: "Stop" }).click();
    await expect(outputs(page, 0)).toContainText("Stopped");
    expect(await latency).toBeLessThan(2_000);
    await expect(page.locator(".kernel-notice")).toContainText("variables from earlier cells are gone");
    await expect(page.locator(".kernel-status")).toHaveText("Ready", { timeout: 60_000 });
    await runCell(page, 1);
    await expect(outputs(page, 1).getByRole("alert")).toContainText("x is not defined");
  });

  test("a training cell draws a live chart and a progress bar", async ({ page }) => {
    await page.goto(LESSON);
    const training = page.locator('.cell[data-cell-id="fit-line"]');
    await training.getByRole("button", { name: /^Run cell/ }).click();
    const chart = training.locator(".output-chart");
    await expect(chart).toBeVisible({ timeout: 60_000 });
    await expect(training.locator(".output-progress progress")).toBeVisible();
    await expect(chart.locator("canvas")).toBeVisible();
    await expect(chart).toHaveAttribute("data-points", "40", { timeout: 60_000 });
    // Mini-batch SGD ends near the true slope, not exactly on it: shuffling differs run to run.
    const learnedW = Number(await training.locator(".output-table tbody tr").first().locator("td").nth(1).textContent());
    expect(Math.abs(learnedW - 2)).toBeLessThan(0.15);

  });

  test("running a cell again keeps the page below in place until its new outputs arrive, then fits them", async ({ page }) => {
    await page.goto(LESSON);
    // Prints after a pause, then stays running a moment: the new outputs are laid out before the run ends.
    const printsLate = (lines: number) =>
      `const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));\nawait pause(3000);\nfor (let i = 0; i < ${lines}; i++) console.log("line " + i);\nawait pause(500);`;
    await setCellCode(page, cell(page, 0), printsLate(8));
    await runCell(page, 0);
    await expect(outputs(page, 0)).toContainText("line 7", { timeout: 60_000 });
    // Where the next cell sits on the page (not in the viewport, which the browser may scroll).
    const nextCellTop = () => cell(page, 1).evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
    const before = await nextCellTop();

    await runCell(page, 0);
    await expect(cell(page, 0)).toHaveAttribute("data-state", "running");
    await expect(outputs(page, 0)).toHaveCount(0); // cleared for the new run
    expect(await nextCellTop()).toBeCloseTo(before, 0);
    await expect(outputs(page, 0)).toContainText("line 7", { timeout: 30_000 });
    expect(await nextCellTop()).toBeCloseTo(before, 0);

    // A run with less to show lets the cell shrink once it has finished.
    await setCellCode(page, cell(page, 0), printsLate(1));
    await runCell(page, 0);
    await expect(outputs(page, 0)).toContainText("line 0", { timeout: 30_000 });
    await expect(cell(page, 0)).toHaveAttribute("data-state", "idle");
    await expect.poll(nextCellTop).toBeLessThan(before - 50);
  });

  test("reloading restores an edited cell without running anything", async ({ page }) => {
    await page.goto(LESSON);
    await setCellCode(page, cell(page, 0), "const edited = 'kept across reloads';\nedited");
    await page.waitForTimeout(600); // edits are saved shortly after typing stops
    await page.reload();
    await expect(cell(page, 0).locator(".cell-static")).toContainText("kept across reloads");
    await expect(cell(page, 0).locator(".cell-outputs")).toHaveCount(0);
    await expect(cell(page, 0).getByTestId("count")).toHaveText("[ ]");
    await cell(page, 0).getByRole("button", { name: "Reset to the author's code" }).click();
    await expect(cell(page, 0).locator("pre.shiki")).toContainText("tf.tensor1d([1, 2, 3])");
  });

  test("the editor knows tf and the display helpers, and Escape leaves it", async ({ page }) => {
    const editorFiles: Array<{ url: string; cacheControl: string | null }> = [];
    page.on("response", (response) => {
      if (new URL(response.url()).pathname.startsWith("/monaco/")) editorFiles.push({ url: response.url(), cacheControl: response.headers()["cache-control"] ?? null });
    });
    await page.goto(LESSON);
    await setCellCode(page, cell(page, 0), "tf.tensor2");
    await page.keyboard.press("Control+Space");
    await expect(page.locator(".suggest-widget")).toContainText("tensor2d", { timeout: 30_000 });
    await page.keyboard.press("Escape"); // closes the suggestions
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText("display.fit");
    await page.keyboard.press("Control+Space");
    await expect(page.locator(".suggest-widget")).toContainText("fitCallbacks");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape"); // leaves the editor
    await expect(cell(page, 0).getByRole("button", { name: /^Run cell/ })).toBeFocused();
    // The editor is this site's own build (scripts/monaco-files.ts): its hashed chunks are cached for good, and
    // tf's declarations live in its TypeScript worker, never fetched by the page.
    const chunks = editorFiles.filter((file) => file.url.includes("/monaco/chunks/"));
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) expect(chunk.cacheControl, chunk.url).toContain("immutable");
    expect(editorFiles.map((file) => new URL(file.url).pathname)).toEqual(expect.arrayContaining(["/monaco/editor.js", "/monaco/editor.css", "/monaco/typescript.worker.js"]));
  });

  test("when the editor cannot load, the cell keeps its code on show, says so, and still runs", async ({ page }) => {
    await page.route("**/monaco/editor.js", (route) => route.abort("connectionfailed"));
    await page.goto(LESSON);
    await cell(page, 0).locator(".cell-code").click();
    await expect(cell(page, 0).getByRole("status")).toContainText("The editor could not load");
    await expect(cell(page, 0).locator("pre.shiki")).toBeVisible();
    await runCell(page, 0);
    await expect(outputs(page, 0)).toContainText("-9.333", { timeout: 60_000 });
  });

  test("screen-reader mode, once chosen, stays on across reloads and lessons", async ({ page }) => {
    await page.goto(LESSON);
    await page.getByLabel("Screen-reader mode").check();
    await page.reload();
    await expect(page.getByLabel("Screen-reader mode")).toBeChecked();
    await page.goto("/learn/convolution/convolution-2d");
    await expect(page.getByLabel("Screen-reader mode")).toBeChecked();
  });

  test("the convolution lesson draws a real MNIST digit and its feature maps", async ({ page }) => {
    await page.goto("/learn/convolution/convolution-2d");
    const edges = page.locator('.cell[data-cell-id="mnist-edges"]');
    await edges.getByRole("button", { name: /^Run cell/ }).click();
    await expect(edges.locator(".output-image canvas")).toHaveCount(4, { timeout: 60_000 });
    await expect(edges.getByRole("img", { name: "vertical edges" })).toBeVisible();
    // The digit is drawn, not blank: some pixels are bright.
    const brightPixels = await edges.locator(".output-image canvas").first().evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
      let bright = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! > 200) bright++;
      return bright;
    });
    expect(brightPixels).toBeGreaterThan(30);
  });

  test("the attention lesson draws its weights as a heat map over the sentence's tokens, which a screen reader reads as a table", async ({ page }) => {
    await page.goto("/learn/attention/scaled-dot-product-attention");
    const cell = page.locator('.cell[data-cell-id="sentence-heat-map"]');
    await cell.getByRole("button", { name: /^Run cell/ }).click();
    const map = cell.locator(".output-heatmap");
    await expect(map.locator("rect")).toHaveCount(100, { timeout: 60_000 });
    await expect(map.getByRole("group", { name: "Attention weights without a mask" })).toBeVisible();
    const table = map.getByRole("table", { name: "Attention weights without a mask" });
    await expect(table.getByRole("columnheader")).toHaveText(["the", "cat", "sat", "on", "the", "mat", "because", "it", "was", "tired"]);
    // "it" (row 8) attends to "cat" most: the lesson's reading of the map.
    await expect(table.getByRole("row").nth(8).getByRole("cell").nth(1)).toHaveText(/^0\.6\d+$/);
    await expectNoSeriousAxeViolations(page);
  });

  test("the word-vector lesson projects its words onto a labelled scatter plot", async ({ page }) => {
    await page.goto("/learn/text-as-numbers/word-vectors");
    await page.getByRole("button", { name: "Run all" }).first().click();
    const plot = page.locator('.cell[data-cell-id="projection"] .output-scatter');
    await expect(plot.getByRole("img", { name: /^Word vectors on their first two principal components: 24 points in 4 groups/ })).toBeVisible({ timeout: 120_000 });
    await expect(plot.locator("text.plot-point-label")).toHaveCount(24);
    await expect(plot.getByRole("list", { name: "Groups" }).getByRole("listitem")).toHaveText(["numbers", "colours", "family", "movement"]);
  });

  test("an edit made against older author code says so and offers a reset", async ({ page }) => {
    await page.goto(LESSON);
    // An edit saved against a version of the cell the author has since changed.
    await page.evaluate(() =>
      localStorage.setItem(
        "descent:cell:gradient-descent/the-update-rule:cell-1",
        JSON.stringify({ code: "const mine = 1;\nmine", authorFingerprint: "older" }),
      ),
    );
    await page.reload();
    await expect(cell(page, 0).getByRole("status")).toContainText("The author has changed this cell since you edited it");
    await expect(cell(page, 0).locator(".cell-static")).toContainText("const mine = 1;");
    await cell(page, 0).getByRole("button", { name: "Reset to the author's code" }).click();
    await expect(cell(page, 0).getByRole("status")).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem("descent:cell:gradient-descent/the-update-rule:cell-1"))).toBeNull();
  });
});
