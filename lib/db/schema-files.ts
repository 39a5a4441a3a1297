/**
 * One schema, two databases. prisma/schema.prisma is the source of truth (it
 * is SQLite's, the default); prisma/postgresql/schema.prisma is written from
 * it by `npm run db:schemas`, and `npm run db:schemas -- --check` (part of
 * `npm run lint`) fails when someone edits one without the other. Each
 * provider keeps its own migration history, written by the same schema engine.
 */
import path from "node:path";
import type { DatabaseProvider } from "./config";

export type SchemaFiles = { schema: string; migrations: string; generatedClient: string };

const root = process.cwd();

export const SCHEMA_FILES: Record<DatabaseProvider, SchemaFiles> = {
  sqlite: {
    schema: path.join(root, "prisma", "schema.prisma"),
    migrations: path.join(root, "prisma", "migrations"),
    generatedClient: "../lib/db/generated/sqlite",
  },
  postgresql: {
    schema: path.join(root, "prisma", "postgresql", "schema.prisma"),
    migrations: path.join(root, "prisma", "postgresql", "migrations"),
    generatedClient: "../../lib/db/generated/postgresql",
  },
};

const HEADER = "// Written by `npm run db:schemas` from prisma/schema.prisma: edit that file, not this one.\n";

/** PostgreSQL's schema: the source with its datasource provider and client output swapped, nothing else. */
export function postgresqlSchema(source: string): string {
  const swapped = replaceOnce(
    replaceOnce(source, /(datasource db \{\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"', "the sqlite datasource"),
    /(output\s*=\s*)"[^"]*"/,
    `$1"${SCHEMA_FILES.postgresql.generatedClient}"`,
    "the generator's output",
  );
  return HEADER + swapped;
}

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  if (!pattern.test(text)) throw new Error(`prisma/schema.prisma: could not find ${what} to rewrite for PostgreSQL`);
  return text.replace(pattern, replacement);
}
