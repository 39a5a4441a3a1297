/**
 * Where the database is, from DATABASE_URL: a SQLite file (`file:` + a path,
 * the default under data/), or a PostgreSQL server (`postgres://…`).
 */
import path from "node:path";
import { DatabaseUrl, env } from "@/lib/env";

export type DatabaseProvider = "sqlite" | "postgresql";

export type DatabaseTarget =
  | { provider: "sqlite"; /** The file's absolute path (relative paths are taken from the project root). */ file: string }
  | { provider: "postgresql"; url: string };

export function databaseTarget(url: string = env().DATABASE_URL): DatabaseTarget {
  const parsed = DatabaseUrl.safeParse(url);
  if (!parsed.success) throw new Error(`DATABASE_URL ${parsed.error.issues[0]?.message ?? "is invalid"}`);
  if (/^postgres(ql)?:/.test(parsed.data)) return { provider: "postgresql", url: parsed.data };
  // The path comes from configuration, so the bundler must not try to trace it.
  return { provider: "sqlite", file: path.resolve(/* turbopackIgnore: true */ process.cwd(), parsed.data.slice("file:".length)) };
}

/** Whether this server keeps progress in PostgreSQL, and so grades through the job queue and its workers. */
export const usesPostgres = (url?: string) => databaseTarget(url).provider === "postgresql";

/** What to show of a database URL in logs: never its password. */
export function describeDatabase(target: DatabaseTarget): string {
  if (target.provider === "sqlite") return target.file;
  const url = new URL(target.url);
  if (url.password) url.password = "***";
  return url.toString();
}
