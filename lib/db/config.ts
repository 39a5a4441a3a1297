/** Where the database is: DATABASE_URL (`file:` + a path, for SQLite), or the default file under data/. */
import path from "node:path";
import { DatabaseUrl, env } from "@/lib/env";

/** The SQLite file's absolute path (relative paths are taken from the project root). */
export function databaseFile(url: string = env().DATABASE_URL): string {
  const parsed = DatabaseUrl.safeParse(url);
  if (!parsed.success) throw new Error(`DATABASE_URL ${parsed.error.issues[0]?.message ?? "is invalid"}`);
  // The path comes from configuration, so the bundler must not try to trace it.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), parsed.data.slice("file:".length));
}
