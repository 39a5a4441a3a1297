/**
 * What Descent does to a PostgreSQL server outside Prisma: create and drop
 * its database (Prisma's engine expects it to exist), and hold an advisory
 * lock while migrations run.
 */
import pg from "pg";

/** The same server and credentials, connected to its maintenance database. */
function maintenanceUrl(url: string): { url: string; database: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.slice(1));
  if (!database) throw new Error("DATABASE_URL must name a database, e.g. postgres://descent@db.school.example/descent");
  parsed.pathname = "/postgres";
  parsed.search = "";
  return { url: parsed.toString(), database };
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function onMaintenance<T>(url: string, run: (client: pg.Client, database: string) => Promise<T>): Promise<T> {
  const target = maintenanceUrl(url);
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    return await run(client, target.database);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `url` unless it exists. */
export async function createPostgresDatabase(url: string): Promise<void> {
  await onMaintenance(url, async (client, database) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
    } catch (error) {
      // Another server created it first (duplicate_database, or the catalog's unique index).
      if (!["42P04", "23505"].includes((error as { code?: string }).code ?? "")) throw error;
    }
  });
}

/** Drops the database named in `url`, closing its connections first (tests and scratch databases). */
export async function dropPostgresDatabase(url: string): Promise<void> {
  await onMaintenance(url, (client, database) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`).then(() => undefined));
}

/** Runs `work` while holding a session advisory lock on the database: one process at a time. */
export async function withAdvisoryLock<T>(url: string, key: number, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [key]);
    return await work();
  } finally {
    await client.end();
  }
}
