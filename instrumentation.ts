/**
 * Runs once when a web server starts. On one machine (SQLite) the web server
 * grades, so it also sends LMS grades left in the outbox by an earlier run;
 * with PostgreSQL, `npm run worker` does (scripts/worker.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { usesPostgres } = await import("@/lib/db/config");
  if (usesPostgres()) return;
  const [{ db }, { deliverScoresSoon }] = await Promise.all([import("@/lib/db/client"), import("@/lib/lti/score-delivery")]);
  deliverScoresSoon(db());
}
