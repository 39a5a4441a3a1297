/**
 * Real databases for integration tests, one of their own per test file,
 * migrated by the real migrations and removed afterwards:
 * - by default, a SQLite file in a temporary folder;
 * - with DESCENT_TEST_POSTGRES set to a PostgreSQL server's URL
 *   (`npm run test:integration:postgres`), a new database on that server.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";
import { dropPostgresDatabase } from "@/lib/db/postgres-admin";

export type TestDatabase = {
  url: string;
  /** A folder of the test's own, for files other than the database (removed with it). */
  dir: string;
  /** Creates the database (if needed) and applies every migration (or those before `before`); returns the names applied. */
  migrate(options?: { before?: string }): Promise<string[]>;
  /** Runs `stop` first when the database is removed (workers using it). */
  beforeRemove(stop: () => Promise<void>): void;
  remove(): Promise<void>;
};

export const testPostgresServer = () => process.env.DESCENT_TEST_POSTGRES || undefined;

/**
 * Names the test's database at once, so a test file can set DATABASE_URL
 * before it imports the app; nothing is created until migrate().
 */
export function testDatabase(name: string): TestDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), `descent-${name}-`));
  const server = testPostgresServer();
  let url = `file:${path.join(dir, `${name}.db`)}`;
  if (server) {
    const parsed = new URL(server);
    parsed.pathname = `/descent_test_${name.replace(/\W/g, "_")}_${randomBytes(4).toString("hex")}`;
    url = parsed.toString();
  }
  const users: Array<() => Promise<void>> = [];
  return {
    url,
    dir,
    migrate: (options) => applyMigrations(url, options),
    beforeRemove: (stop) => void users.push(stop),
    async remove() {
      await Promise.all(users.map((stop) => stop()));
      if (server) await dropPostgresDatabase(url);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The file's database, migrated before its tests and removed after them, with `clients` Prisma clients on it. */
function migratedDatabase(name: string, clients: number): Db[] {
  const database = testDatabase(name);
  const opened: Db[] = [];
  beforeAll(async () => {
    await database.migrate();
    for (let i = 0; i < clients; i++) opened.push(createDb(database.url));
  });
  afterAll(async () => {
    await Promise.all(opened.map((client) => client.$disconnect()));
    await database.remove();
  });
  return opened;
}

/** A migrated database for the file's tests: use `.db` inside tests (it is made in beforeAll). */
export function migratedTestDatabase(name: string): { readonly db: Db } {
  const opened = migratedDatabase(name, 1);
  return {
    get db() {
      return opened[0]!;
    },
  };
}

/**
 * Two Prisma clients on one migrated database, standing for two web servers
 * in front of it; ready in the file's tests, closed after them.
 */
export function twoServersOnOneDatabase(name: string): { readonly a: Db; readonly b: Db } {
  const opened = migratedDatabase(name, 2);
  return {
    get a() {
      return opened[0]!;
    },
    get b() {
      return opened[1]!;
    },
  };
}
