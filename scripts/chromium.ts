/**
 * How every browser run here (e2e tests, benchmarks, the README screenshot)
 * launches Chromium: Debian's build, since Playwright cannot download its own
 * browsers on our machines.
 */
import { existsSync } from "node:fs";

export function chromiumLaunchOptions(extraArgs: string[] = []) {
  const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is needed at ${executablePath}, and it is not there.\n` +
        "Install Debian's Chromium with:  sudo apt-get update && sudo apt-get install -y chromium\n" +
        "or point CHROMIUM_PATH at another Chromium binary. (`npx playwright install` cannot download browsers here.)",
    );
  }
  return {
    executablePath,
    // Running as root needs --no-sandbox; the rest stop Chromium's own calls to the internet.
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", ...extraArgs],
  };
}
