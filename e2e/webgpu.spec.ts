import type { Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../scripts/chromium";
import { expect, setCellCode, test } from "./fixtures";

const LESSON = "/learn/gradient-descent/the-update-rule";
const firstCell = (page: Page) => page.locator(".cell").first();

// This machine's Chromium offers WebGPU on SwiftShader with these flags (../shared/PLATFORM.md), and only to a secure
// context: the kernel's origin is one (e2e/kernel-isolation.spec.ts), the sandboxed frame is not.
test.use({ launchOptions: chromiumLaunchOptions(["--enable-unsafe-webgpu", "--use-webgpu-adapter=swiftshader", "--enable-features=Vulkan"]) });

test.describe("WebGPU in the kernel's origin", () => {
  test.describe.configure({ timeout: 120_000 });
  test.skip(({ isMobile }) => isMobile, "kernel journeys run on the desktop project");

  test("calibrates with WebGPU among the backends, and a cell computes a product and a gradient on it", async ({ page }) => {
    await page.goto(LESSON);
    await setCellCode(page, firstCell(page), "tf.getBackend()");
    await page.keyboard.press("Shift+Enter");
    const badge = page.getByTestId("backend");
    await expect(badge.locator("option")).toContainText(["WebGPU (GPU)", "WebGL (GPU)"], { timeout: 60_000 });
    await badge.selectOption("webgpu");
    await expect(badge).toHaveValue("webgpu", { timeout: 60_000 });
    const code = [
      "const a = tf.tensor2d([[1, 2], [3, 4]]);",
      "const gradient = tf.grad((x: tf.Tensor) => x.square().sum())(tf.tensor1d([1, 2, 3]));",
      // A synchronous read is right, or refused with a reason where this WebGPU cannot do one (never zeros).
      "const sync = (() => { try { return tf.tensor1d([1, 2]).add(1).dataSync().join(','); } catch (e) { return (e as Error).message.includes('await t.data()') ? 'refused' : 'wrong error'; } })();",
      "[tf.getBackend(), (await a.matMul(a.transpose()).array()).flat().join(','), (await gradient.array()).join(','), sync].join(' ')",
    ].join("\n");
    await setCellCode(page, firstCell(page), code);
    await page.keyboard.press("Shift+Enter");
    await expect(firstCell(page).locator(".cell-outputs")).toContainText(/webgpu 5,11,11,25 2,4,6 (2,3|refused)$/, { timeout: 60_000 });
  });
});
