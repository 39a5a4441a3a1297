import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// A second name for this machine, as a classroom's LAN name would be (e2e/account.spec.ts signs in through it).
const launchOptions = chromiumLaunchOptions(["--host-resolver-rules=MAP descent-lan.test 127.0.0.1"]);
const TRAINING = /mnist\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: 2,
  reporter: process.env.CI ? [["line"]] : [["list"]],
  use: { baseURL, trace: "retain-on-failure" },
  projects: [
    { name: "desktop", testIgnore: TRAINING, use: { ...devices["Desktop Chrome"], launchOptions } },
    { name: "phone", testIgnore: TRAINING, use: { ...devices["Pixel 7"], launchOptions } },
    // Training the CNN in software WebGL keeps both cores busy for minutes, and every journey beside it slows to a
    // crawl: it runs last, on its own.
    { name: "training", testMatch: TRAINING, dependencies: ["desktop", "phone"], use: { ...devices["Desktop Chrome"], launchOptions } },
  ],
  // Tests run against the production build (`npm run build` runs first in `npm test`).
  webServer: {
    // A fresh database for every run: journeys start as a new learner, and nothing touches the dev database.
    command: `rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && npm run db:migrate && NODE_ENV=production node --import tsx server.ts`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    env: { NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "file:./data/e2e.db", PORT: String(port) },
    timeout: 60_000,
  },
});
