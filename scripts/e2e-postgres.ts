/**
 * The end-to-end tests' PostgreSQL server (playwright.config.ts, project
 * "postgres"): a fresh database on the local PostgreSQL, migrated, one
 * grading worker and one production web server on it, as on several
 * machines. Stops both on SIGTERM or SIGINT.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { dropPostgresDatabase } from "@/lib/db/postgres-admin";
import { applyMigrations } from "@/lib/db/migrate";

const url = process.env.DATABASE_URL ?? "";
if (!/^postgres(ql)?:\/\//.test(url)) {
  console.error("e2e-postgres: set DATABASE_URL to a PostgreSQL database for the end-to-end tests");
  process.exit(2);
}
await dropPostgresDatabase(url);
await applyMigrations(url);

const run = (args: string[]): ChildProcess => spawn(process.execPath, args, { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
const children = [
  run(["--no-node-snapshot", "--conditions=react-server", "--import", "tsx", "scripts/worker.ts"]),
  run(["--import", "tsx", "server.ts"]),
];
const stop = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
for (const child of children) child.on("exit", (code) => {
  stop();
  process.exitCode = code ?? 0;
});
