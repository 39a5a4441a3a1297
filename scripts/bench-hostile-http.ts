/**
 * `npm run bench:hostile-http` (after `npm run build`): the production server
 * (server.ts) under the attacks of the hostile-learner review, over real
 * HTTP, printing what each one cost:
 * - a 400 MB chunked body to the submission API and to a page: the answer,
 *   and the server's resident memory before and after;
 * - sign-ins with a forged X-Forwarded-For on every try: when the limit bit;
 * - a flood of 300 parallel time-limit submissions (`while (true)`) from
 *   fresh cookies on one client address, while a second address submits
 *   the reference solution: that submission's latency against one time limit.
 * Two clients on one machine: the flood comes from 127.0.0.2, the learner
 * from 127.0.0.3 (Linux routes all of 127/8 to loopback).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { send as sendTo, zeros, type SendOptions } from "./raw-http";

const PORT = 3500;
const DATABASE = "data/bench-hostile.db";
const CHUNKED_BYTES = 400 * 2 ** 20;
const FLOOD = 300;
const solution = readFileSync("content/loss-functions/exercises/losses/solution.ts", "utf8");
const timeLimitSeconds = Number(/timeLimitSeconds:\s*(\d+)/.exec(readFileSync("content/loss-functions/exercises/losses/exercise.yaml", "utf8"))?.[1] ?? 10);

if (!existsSync(".next/BUILD_ID")) {
  console.error("No production build found: run `npm run build` first.");
  process.exit(1);
}

const send = (method: string, path: string, options: SendOptions = {}) => sendTo(PORT, method, path, options);

const residentMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

rmSync(DATABASE, { force: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: `file:./${DATABASE}`, PORT: String(PORT), NODE_ENV: "production" as const };
spawnSync("npm", ["run", "--silent", "db:migrate"], { env, stdio: "inherit" });
const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], { env, stdio: "ignore" });
try {
  for (let waited = 0; ; waited += 250) {
    if (await send("GET", "/").then((a) => a.status === 200, () => false)) break;
    if (waited > 60_000) throw new Error("the server did not start within a minute");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // Warm the routes used below, so their first compile is not counted as growth.
  await send("POST", "/api/submissions", { body: "{}" });
  const pid = server.pid!;
  console.log(`bench:hostile-http: the production server (server.ts), pid ${pid}, on port ${PORT}\n`);

  console.log(`A ${CHUNKED_BYTES / 2 ** 20} MB chunked body (no Content-Length):`);
  for (const path of ["/api/submissions", "/learn"]) {
    const before = residentMb(pid);
    const answer = await send("POST", path, { body: zeros(CHUNKED_BYTES), headers: { "transfer-encoding": "chunked" } });
    const after = residentMb(pid);
    const outcome = answer.status ? String(answer.status) : `connection closed by the server (${answer.body})`;
    console.log(`  POST ${path.padEnd(17)} → ${outcome} in ${answer.ms.toFixed(0)} ms; server RSS ${before.toFixed(0)} → ${after.toFixed(0)} MB (${(after - before).toFixed(1)} MB growth)`);
  }

  console.log("\nThe largest answers a submission could produce (each from its own learner):");
  const oversized = {
    "a 30 MB error name and message": 'const e = new Error("m".repeat(30e6)); e.name = "n".repeat(30e6); throw e;',
    "console.log of 1 MB, 200 times": 'const line = "l".repeat(1e6); for (let i = 0; i < 200; i++) console.log(line, i);',
    "a deep, wide object thrown": "let o = {}; for (let i = 0; i < 1e4; i++) o = { o, k: 'v'.repeat(1e3) }; throw o;",
  };
  for (const [what, code] of Object.entries(oversized)) {
    const answer = await send("POST", "/api/submissions", { from: "127.0.0.4", body: JSON.stringify({ id: crypto.randomUUID(), exerciseId: "losses", code }) });
    const verdict = answer.status === 200 ? JSON.stringify((JSON.parse(answer.body) as { submission: { verdict: unknown } }).submission.verdict) : "";
    console.log(`  ${what.padEnd(34)} → ${answer.status}, answer ${(Buffer.byteLength(answer.body) / 1024).toFixed(1)} KiB, verdict ${(Buffer.byteLength(verdict) / 1024).toFixed(1)} KiB`);
  }

  console.log("\nSign-ins with a different forged X-Forwarded-For each time:");
  const signIns: number[] = [];
  for (let i = 1; i <= 12; i++) {
    const body = JSON.stringify({ email: `guess${i}@school.example`, password: "not the password" });
    signIns.push((await send("POST", "/api/auth/sign-in/email", { body, headers: { "x-forwarded-for": `198.51.100.${i}` } })).status);
  }
  console.log(`  statuses: ${signIns.join(" ")} (first 429 at try ${signIns.indexOf(429) + 1})`);

  console.log(`\nA flood of ${FLOOD} parallel time-limit submissions from fresh cookies (127.0.0.2), time limit ${timeLimitSeconds} s:`);
  let answered = 0;
  const flood = Array.from({ length: FLOOD }, () =>
    send("POST", "/api/submissions", { from: "127.0.0.2", body: JSON.stringify({ id: crypto.randomUUID(), exerciseId: "losses", code: "while (true) {}" }) }).then((answer) => {
      answered += 1;
      return answer;
    }),
  );
  // Every flood request is in: those past the client's share are refused at once, the rest wait in the queue or run.
  const floodStarted = performance.now();
  while (answered < FLOOD - 100 && performance.now() - floodStarted < 30_000) await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  console.log(`  after ${((performance.now() - floodStarted) / 1000).toFixed(1)} s, ${answered} answered; the rest hold both graders and the queue`);
  const correct = await send("POST", "/api/submissions", { from: "127.0.0.3", body: JSON.stringify({ id: crypto.randomUUID(), exerciseId: "losses", code: solution }) });
  const verdict = correct.status === 200 ? (JSON.parse(correct.body) as { submission: { status: string; score: number; maxScore: number } }).submission : undefined;
  console.log(`  the reference solution from 127.0.0.3: ${correct.status}, ${verdict ? `${verdict.status} ${verdict.score}/${verdict.maxScore}` : correct.body}, in ${(correct.ms / 1000).toFixed(1)} s (${(correct.ms / 1000 / timeLimitSeconds).toFixed(2)} time limits)`);
  const settledNow = await Promise.all(flood.map((answer) => Promise.race([answer, Promise.resolve(undefined)])));
  const counts = new Map<string, number>();
  for (const answer of settledNow) {
    const key = answer ? `${answer.status} ${/"status":"([a-z-]+)"/.exec(answer.body)?.[1] ?? ""}`.trim() : "still waiting";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  console.log(`  the flood so far: ${[...counts].map(([status, n]) => `${n} × ${status}`).join(", ")}`);
  console.log(`  server RSS now ${residentMb(pid).toFixed(0)} MB`);
} finally {
  server.kill("SIGTERM");
  rmSync(DATABASE, { force: true });
}
process.exit(0);
