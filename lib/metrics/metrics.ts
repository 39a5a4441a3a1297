import "server-only";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * What an operator watches (GET /api/metrics, Prometheus text, prom-client):
 * the grading queue, how long grading takes and what it answers, predictions
 * served, and requests refused by a limit; plus Node's own process metrics.
 */
function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "descent_process_" });
  const registers = [registry];
  return {
    registry,
    queueDepth: new Gauge({ name: "descent_grading_queue_depth", help: "Submissions waiting for a grader.", registers }),
    graders: new Gauge({ name: "descent_graders", help: "Grader processes started and ready to grade (one machine).", registers }),
    workers: new Gauge({ name: "descent_workers", help: "Grading workers alive, on any machine (PostgreSQL mode).", registers }),
    gradingSeconds: new Histogram({
      name: "descent_grading_seconds",
      help: "Time from a submission's arrival to its verdict, queue wait included.",
      labelNames: ["status"],
      buckets: [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120],
      registers,
    }),
    verdicts: new Counter({ name: "descent_verdicts_total", help: "Verdicts given, by status.", labelNames: ["status"], registers }),
    predictions: new Counter({ name: "descent_predictions_total", help: "Prediction requests answered, by outcome.", labelNames: ["outcome"], registers }),
    refusals: new Counter({ name: "descent_rate_limit_refusals_total", help: "Requests refused by a rate limit or a full queue, by limit.", labelNames: ["limit"], registers }),
  };
}

// One set per server process, kept on globalThis so the dev server's module reloads do not register them twice.
const holder = globalThis as { descentMetrics?: ReturnType<typeof create> };

export function metrics(): ReturnType<typeof create> {
  holder.descentMetrics ??= create();
  return holder.descentMetrics;
}
