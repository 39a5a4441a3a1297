import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
// Each server's notebook kernel has its own origin on the next port (server.ts).
// The same production build on PostgreSQL, with a grading worker, for the journey that runs there too.
const postgresPort = port + 2;
const postgresURL = `http://localhost:${postgresPort}`;
const postgresDatabase = process.env.E2E_POSTGRES ?? "postgres://postgres@127.0.0.1:5432/descent_e2e";
const ON_POSTGRES = /wrong answer, Check, partial grade, fix, full marks/;
// A second name for this machine, as a classroom's LAN name would be (e2e/account.spec.ts signs in through it).
const launchOptions = chromiumLaunchOptions(["--host-resolver-rules=MAP descent-lan.test 127.0.0.1"]);
const TRAINING = /(mnist|gpt)\.spec\.ts$/;
// Requests without a page: the browser's viewport changes nothing, so they run once, on the desktop project.
const NO_PAGE = /(api|hostile-http)\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: 2,
  reporter: process.env.CI ? [["line"]] : [["list"]],
  use: { baseURL, trace: "retain-on-failure" },
  projects: [
    { name: "desktop", testIgnore: TRAINING, use: { ...devices["Desktop Chrome"], launchOptions } },
    { name: "phone", testIgnore: [TRAINING, NO_PAGE], use: { ...devices["Pixel 7"], launchOptions } },
    // Several machines' mode: submissions graded through the job queue by a worker.
    { name: "postgres", testMatch: /exercise\.spec\.ts$/, grep: ON_POSTGRES, use: { ...devices["Desktop Chrome"], launchOptions, baseURL: postgresURL } },
    // Training the CNN in software WebGL keeps both cores busy for minutes, and every journey beside it slows to a
    // crawl: it runs last, on its own.
    { name: "training", testMatch: /mnist\.spec\.ts$/, dependencies: ["desktop", "phone", "postgres"], use: { ...devices["Desktop Chrome"], launchOptions } },
    // The small GPT's training, after the CNN's and on its own for the same reason.
    { name: "training-gpt", testMatch: /gpt\.spec\.ts$/, dependencies: ["training"], use: { ...devices["Desktop Chrome"], launchOptions } },
  ],
  // Tests run against the production build (`npm run build` runs first in `npm test`).
  webServer: [
    {
      // A fresh database for every run: journeys start as a new learner, and nothing touches the dev database.
      command: `rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && npm run db:migrate && NODE_ENV=production node --import tsx server.ts`,
      url: baseURL,
      reuseExistingServer: !process.env.CI,
      env: { NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "file:./data/e2e.db", PORT: String(port) },
      timeout: 60_000,
    },
    {
      command: "node --conditions=react-server --import tsx scripts/e2e-postgres.ts",
      // Ready once the journey's first request answers: its route, the exercise catalog and the database are loaded.
      url: `${postgresURL}/api/exercises/losses`,
      reuseExistingServer: !process.env.CI,
      env: { NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: postgresDatabase, PORT: String(postgresPort), DESCENT_GRADERS: "1" },
      timeout: 90_000,
    },
  ],
});
