/** Where the database is: DATABASE_URL (`file:` + a path, for SQLite), or the default file under data/. */
import path from "node:path";
import { z } from "zod";

export const DEFAULT_DATABASE_URL = "file:./data/descent.db";

const DatabaseUrl = z
  .string()
  .regex(/^file:.+/, "must be a SQLite file URL such as file:./data/descent.db (PostgreSQL support is planned)")
  .default(DEFAULT_DATABASE_URL);

/** The SQLite file's absolute path (relative paths are taken from the project root). */
export function databaseFile(url: string | undefined = process.env.DATABASE_URL): string {
  const parsed = DatabaseUrl.safeParse(url || undefined);
  if (!parsed.success) throw new Error(`DATABASE_URL ${parsed.error.issues[0]?.message ?? "is invalid"}`);
  // The path comes from configuration, so the bundler must not try to trace it.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), parsed.data.slice("file:".length));
}
