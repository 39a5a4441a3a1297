/**
 * `npm run bench:grader`: the cost of grading on the server. Grades the
 * reference solutions of two typical exercises (the losses exercise, whose
 * core is MSE, and the linear-regression training loop) through the real
 * pool of grader processes at concurrency 1, 4 and 16, and the same code
 * with the same tests run directly in Node.js without the sandbox. Prints
 * numbers; asserts nothing. Compare ratios from one run: these machines are noisy.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gradeSubmission } from "@/lib/exercises/grade";
import { readExercises, type Exercise } from "@/lib/exercises/load";
import { callLearnerFunction, SUBMISSION_FILE } from "@/lib/cell-runtime/learner-call";
import { tf } from "@/lib/node-tf";
import { GraderPool } from "@/lib/grading/pool";
import { IsolateHost } from "@/lib/grading/sandbox";
import { poolOptions } from "@/lib/grading/pool-options";
import { runTests } from "@/lib/cell-runtime/run-tests";
import { prepareCell } from "@/lib/cell-runtime/prepare-cell";
import { buildProcesses } from "./build-processes";

const N = Number(process.env.BENCH_SUBMISSIONS ?? 64);
const CONCURRENCIES = [1, 4, 16];
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (body: string) => () => Promise<unknown>;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const format = (ms: number) => ms.toFixed(1).padStart(7);

/** N grades with at most `concurrency` in flight; latency is from request to verdict, queueing included. */
async function measure(pool: GraderPool, exercise: Exercise, concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < N) {
        next += 1;
        const t = performance.now();
        const verdict = await gradeSubmission(pool, exercise, exercise.solution);
        latencies.push(performance.now() - t);
        if (verdict.status !== "passed") throw new Error(`${exercise.id}: the reference solution did not pass (${verdict.status})`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), perSecond: N / seconds };
}

/**
 * The same grading with no sandbox: the learner's code and the tests in this
 * process, on the same tfjs cpu backend. What isolation costs is the difference.
 */
async function bare(exercise: Exercise): Promise<number> {
  const scope = globalThis as unknown as Record<string, unknown>;
  scope.tf = tf;
  const times: number[] = [];
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    // As in the kernel: the prepared code defines the learner's functions as globals of this process.
    const body = prepareCell(exercise.solution, SUBMISSION_FILE);
    await new AsyncFunction(body).call(undefined);
    const { tests } = await runTests([exercise.publicTests, exercise.hiddenTests], { tf }, (name, args) => callLearnerFunction(scope, name, args, tf, SUBMISSION_FILE));
    if (!tests.every((test) => test.passed)) throw new Error(`${exercise.id}: the bare run failed ${tests.filter((t) => !t.passed).map((t) => t.message).join("; ")}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return percentile(times, 50);
}

/**
 * Starting an isolate, as a grader does after a limit was hit: the first one
 * in a process compiles the runtime; later ones use that compile's code cache.
 */
async function isolateStarts(runtimeFile: string): Promise<{ first: number; cached: number }> {
  const runtime = readFileSync(runtimeFile, "utf8");
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    const host = await IsolateHost.create(runtime, 128);
    (await host.newSandbox()).release();
    times.push(performance.now() - t);
    host.dispose();
  }
  const later = times.slice(1).sort((a, b) => a - b);
  return { first: times[0]!, cached: percentile(later, 50) };
}

const graderFile = await buildProcesses(process.cwd());
const { exercises } = await readExercises(path.resolve("content"));
const chosen = [
  { label: "mse", exercise: exercises.find((e) => e.id === "losses")! },
  { label: "linear-regression", exercise: exercises.find((e) => e.id === "linear-regression")! },
];
const options = poolOptions();
const pool = new GraderPool(options);
console.log(`bench:grader: ${options.size} grader processes, ${N} submissions per run, reference solutions (all tests, hidden included)\n`);

const ratios: Record<string, number> = {};
const p95At4: Record<string, number> = {};
try {
  for (const { label, exercise } of chosen) {
    // Warm-up: start the graders, JIT the grader code, fill the isolate each grader keeps ready.
    for (let i = 0; i < 2 * options.size; i++) await gradeSubmission(pool, exercise, exercise.solution);
    console.log(`${label} (exercise "${exercise.id}")`);
    console.log("  concurrency    p50 ms    p95 ms    p99 ms   submissions/s");
    let p50AtOne = 0;
    for (const concurrency of CONCURRENCIES) {
      const r = await measure(pool, exercise, concurrency);
      if (concurrency === 1) p50AtOne = r.p50;
      if (concurrency === 4) p95At4[label] = r.p95;
      console.log(`  ${String(concurrency).padStart(11)}   ${format(r.p50)}   ${format(r.p95)}   ${format(r.p99)}   ${r.perSecond.toFixed(1).padStart(13)}`);
    }
    const bareP50 = await bare(exercise);
    ratios[label] = p50AtOne / bareP50;
    console.log(`  bare Node.js, no sandbox: p50 ${bareP50.toFixed(1)} ms; sandbox p50 at concurrency 1: ${p50AtOne.toFixed(1)} ms; ratio ${ratios[label]!.toFixed(2)}\n`);
  }
} finally {
  await pool.close();
}

const starts = await isolateStarts(path.join(path.dirname(graderFile), "sandbox-runtime.js"));
console.log(`new isolate with its first context: ${starts.first.toFixed(1)} ms compiling the runtime, ${starts.cached.toFixed(1)} ms (p50) from the code cache\n`);

console.log(`linear-regression p95 ms at concurrency 4: ${Math.round(p95At4["linear-regression"]!)}`);
console.log(`linear-regression sandbox/bare ratio: ${ratios["linear-regression"]!.toFixed(2)}`);
console.log(`mse p95 ms at concurrency 4: ${Math.round(p95At4.mse!)}`);
console.log(`sandbox/bare ratio: ${ratios.mse!.toFixed(2)}`);
