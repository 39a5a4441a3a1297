/**
 * `npm run db:migrate`: create the SQLite database if needed and apply pending migrations (run before dev and start).
 * `npm run db:migration -- <name>`: after editing prisma/schema.prisma, write the migration for the change.
 */
import { databaseFile } from "@/lib/db/config";
import { applyMigrations, createMigration } from "@/lib/db/migrate";

const [command, name] = process.argv.slice(2);
const file = databaseFile();

if (command === "migrate") {
  const applied = await applyMigrations(file);
  console.log(`db: ${file} is up to date${applied.length ? ` (applied ${applied.join(", ")})` : ""}.`);
} else if (command === "migration" && name && /^[a-z0-9_]+$/.test(name)) {
  const created = await createMigration(name);
  console.log(created ? `db: wrote prisma/migrations/${created}/migration.sql; run npm run db:migrate to apply it.` : "db: the schema has no changes to migrate.");
} else {
  console.error("usage: npm run db:migrate | npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}
