/**
 * `npm run docs:screenshot`: refreshes docs/screenshot.png, the README's
 * picture of a lesson, from a running server (`npm run dev` or `npm start`).
 */
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./chromium";

const url = process.argv[2] ?? "http://localhost:3000/learn/gradient-descent/the-update-rule#the-gradient-for-linear-regression";
const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
await page.goto(url);
await page.evaluate(() => document.fonts.ready);
await page.screenshot({ path: "docs/screenshot.png" });
await browser.close();
console.log(`docs/screenshot.png taken from ${url}`);
