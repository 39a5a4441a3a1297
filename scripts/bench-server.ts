/**
 * The production server a browser benchmark (bench:mnist, bench:gpt) drives:
 * BENCH_URL if one is already running, otherwise `server.ts` started on
 * `port` with its own SQLite database. `npm run build` must have run.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

export async function startBenchServer(port: number, database: string): Promise<{ url: string; stop: () => void }> {
  if (process.env.BENCH_URL) return { url: process.env.BENCH_URL, stop: () => {} };
  if (!existsSync(".next/BUILD_ID")) {
    console.error("No production build found: run `npm run build` first.");
    process.exit(1);
  }
  const url = `http://localhost:${port}`;
  // A server left over from an earlier run would answer in this one's place, with whatever code it was started with.
  if (await fetch(url).then(() => true, () => false)) throw new Error(`Port ${port} is taken: stop what listens there, or set BENCH_URL to use it.`);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: `file:./data/${database}.db` };
  const server = spawn("sh", ["-c", `npm run --silent db:migrate && PORT=${port} NODE_ENV=production exec node --import tsx server.ts`], { env, stdio: "ignore", detached: true });
  const stop = () => {
    if (server.pid) process.kill(-server.pid);
  };
  let exited = false;
  server.on("exit", () => (exited = true));
  for (let waited = 0; waited < 60_000; waited += 500) {
    if (exited) throw new Error(`The server on port ${port} exited as it started.`);
    if (await fetch(url).then((r) => r.ok, () => false)) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  stop();
  throw new Error(`The server did not answer at ${url} within a minute.`);
}
