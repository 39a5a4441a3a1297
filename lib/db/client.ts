import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { databaseFile } from "./config";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

/** How long a write waits for another writer before SQLite gives up: concurrent learners queue instead of failing. */
const BUSY_TIMEOUT_MS = 10_000;

export function createDb(file: string): Db {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file, timeout: BUSY_TIMEOUT_MS }) });
}

// One client per server process, kept on globalThis so the dev server's reloads do not open more.
const holder = globalThis as { descentDb?: Db };

export function db(): Db {
  holder.descentDb ??= createDb(databaseFile());
  return holder.descentDb;
}
