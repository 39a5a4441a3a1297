/**
 * `npm run db:migrate`: create the database if needed (SQLite file or PostgreSQL database) and apply pending migrations (run before dev and start).
 * `npm run db:migration -- <name>`: after editing prisma/schema.prisma, write the PostgreSQL schema and both providers' migrations for the change.
 * `npm run db:schemas`: write prisma/postgresql/schema.prisma from prisma/schema.prisma.
 * `npm run db:check`: fail if the PostgreSQL schema was not written from the source, or either provider's migrations do not produce its schema.
 *
 * Writing a PostgreSQL migration needs a PostgreSQL server to replay the
 * history into: DESCENT_MIGRATION_POSTGRES (default: the local server).
 */
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { databaseTarget, describeDatabase, type DatabaseProvider } from "@/lib/db/config";
import { applyMigrations, createMigration, pendingSchemaChanges } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { postgresqlSchema, SCHEMA_FILES } from "@/lib/db/schema-files";

const [command, name] = process.argv.slice(2);
const postgresServer = process.env.DESCENT_MIGRATION_POSTGRES || "postgres://postgres@127.0.0.1:5432/postgres";
const PROVIDERS: DatabaseProvider[] = ["sqlite", "postgresql"];

function writeSchemas(): boolean {
  const wanted = postgresqlSchema(readFileSync(SCHEMA_FILES.sqlite.schema, "utf8"));
  const file = SCHEMA_FILES.postgresql.schema;
  let current = "";
  try {
    current = readFileSync(file, "utf8");
  } catch {}
  if (current === wanted) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, wanted);
  return true;
}

if (command === "migrate") {
  const url = env().DATABASE_URL;
  const applied = await applyMigrations(url);
  const target = databaseTarget(url);
  console.log(`db: ${describeDatabase(target)} is up to date${applied.length ? ` (applied ${applied.join(", ")})` : ""}.`);
} else if (command === "schemas") {
  console.log(writeSchemas() ? "db: wrote prisma/postgresql/schema.prisma." : "db: prisma/postgresql/schema.prisma is up to date.");
} else if (command === "migration" && name && /^[a-z0-9_]+$/.test(name)) {
  if (writeSchemas()) console.log("db: wrote prisma/postgresql/schema.prisma; run npm run db:generate for its client.");
  for (const provider of PROVIDERS) {
    const created = await createMigration(provider, name, postgresServer);
    console.log(created ? `db: wrote ${path.relative(process.cwd(), SCHEMA_FILES[provider].migrations)}/${created}/migration.sql.` : `db: ${provider}: the schema has no changes to migrate.`);
  }
  console.log("db: run npm run db:migrate to apply them.");
} else if (command === "check") {
  const problems: string[] = [];
  const wanted = postgresqlSchema(readFileSync(SCHEMA_FILES.sqlite.schema, "utf8"));
  if (readFileSync(SCHEMA_FILES.postgresql.schema, "utf8") !== wanted) {
    problems.push("prisma/postgresql/schema.prisma differs from what prisma/schema.prisma gives: edit prisma/schema.prisma, then run npm run db:schemas.");
  }
  for (const provider of PROVIDERS) {
    const sql = await pendingSchemaChanges(provider, postgresServer);
    if (sql) problems.push(`${provider}: the migrations do not produce the schema; run npm run db:migration -- <name>. Missing:\n${sql}`);
  }
  if (problems.length) {
    console.error(problems.map((problem) => `db:check: ${problem}`).join("\n"));
    process.exit(1);
  }
  console.log("db:check: both schemas come from prisma/schema.prisma, and both migration histories produce them.");
} else {
  console.error("usage: npm run db:migrate | db:schemas | db:check | db:migration -- <name_in_snake_case>");
  process.exit(2);
}
