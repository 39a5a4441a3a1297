/**
 * `npm run bench:exercise-api`: the server-side latency of what a learner
 * does most: saving a draft as they type, and submitting. Calls the app's
 * own route handlers (as integration tests do, without Next.js around them)
 * on a fresh, migrated SQLite file, with the real grader pool. The first
 * request of each kind is timed apart: it builds whatever a process builds
 * once. Prints numbers; asserts nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildProcesses } from "./build-processes";

const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 300);
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 60);

const dir = mkdtempSync(path.join(tmpdir(), "descent-bench-api-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
process.env.DESCENT_SECRET = "a benchmark secret that is long enough to sign cookies";
const { Browser, ORIGIN } = await import("@/test/app-routes");
process.env.BETTER_AUTH_URL = ORIGIN;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (value: number) => `${value.toFixed(2)} ms`;

async function timed(count: number, request: (i: number) => Promise<{ status: number; text: string }>, expected: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await request(i);
    times.push(performance.now() - started);
    if (response.status !== expected) throw new Error(`expected ${expected}, got ${response.status}: ${response.text}`);
  }
  const [first, ...rest] = times;
  rest.sort((a, b) => a - b);
  return { first: first!, p50: percentile(rest, 50), p95: percentile(rest, 95) };
}

await buildProcesses(process.cwd());
const { applyMigrations } = await import("@/lib/db/migrate");
await applyMigrations(process.env.DATABASE_URL);
const solution = readFileSync("content/loss-functions/exercises/losses/solution.ts", "utf8");

try {
  const learner = new Browser();
  const drafts = await timed(DRAFTS, (i) => learner.fetch("PUT", "/api/exercises/losses/draft", { code: `${solution}\n// edit ${i}` }), 204);
  // A new learner every 20 submissions keeps under the exercise's hourly limit.
  let submitter = new Browser();
  const submissions = await timed(
    SUBMISSIONS,
    (i) => {
      if (i % 20 === 19) submitter = new Browser();
      return submitter.fetch("POST", "/api/submissions", { id: crypto.randomUUID(), exerciseId: "losses", code: solution });
    },
    200,
  );
  console.log(`bench:exercise-api: ${DRAFTS} draft saves, ${SUBMISSIONS} submissions of the losses exercise's reference solution, one at a time\n`);
  console.log("                 first request     p50 after       p95 after");
  console.log(`draft save       ${ms(drafts.first).padStart(13)}   ${ms(drafts.p50).padStart(13)}   ${ms(drafts.p95).padStart(13)}`);
  console.log(`submission       ${ms(submissions.first).padStart(13)}   ${ms(submissions.p50).padStart(13)}   ${ms(submissions.p95).padStart(13)}`);
} finally {
  const { graderPool } = await import("@/lib/exercises/grader");
  const { db } = await import("@/lib/db/client");
  await graderPool().close();
  await db().$disconnect();
  rmSync(dir, { recursive: true, force: true });
}
