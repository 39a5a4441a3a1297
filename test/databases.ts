/**
 * Real databases for integration tests: each test file gets its own SQLite
 * file in a temporary folder, migrated by the real migrations, removed after.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/migrate";

/**
 * Two Prisma clients on one migrated file, standing for two web servers in
 * front of one database; ready in the file's tests, closed after them.
 */
export function twoServersOnOneDatabase(name: string): { a: Db; b: Db } {
  const servers = {} as { a: Db; b: Db };
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), `descent-${name}-`));
    const file = path.join(dir, `${name}.db`);
    await applyMigrations(file);
    servers.a = createDb(file);
    servers.b = createDb(file);
  });
  afterAll(async () => {
    await Promise.all([servers.a.$disconnect(), servers.b.$disconnect()]);
    rmSync(dir, { recursive: true, force: true });
  });
  return servers;
}
