import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { databaseTarget } from "./config";
import { PrismaClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgresql/client";

/**
 * The Prisma client, typed once: both providers' clients come from one
 * schema (lib/db/schema-files.ts), so their models and queries are the same.
 */
export type Db = PrismaClient;

/** How long a write waits for another writer before SQLite gives up: concurrent learners queue instead of failing. */
const BUSY_TIMEOUT_MS = 10_000;
/** Connections each process keeps to PostgreSQL: web servers and workers are many, and the server's default limit is 100. */
const POSTGRES_POOL_SIZE = 10;

/** A client for DATABASE_URL's database: a SQLite file, or PostgreSQL. */
export function createDb(url: string): Db {
  const target = databaseTarget(url);
  if (target.provider === "sqlite") return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: target.file, timeout: BUSY_TIMEOUT_MS }) });
  const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: POSTGRES_POOL_SIZE }) });
  return client as unknown as Db;
}

// One client per server process, kept on globalThis so the dev server's reloads do not open more.
const holder = globalThis as { descentDb?: Db };

export function db(): Db {
  holder.descentDb ??= createDb(env().DATABASE_URL);
  return holder.descentDb;
}
