/**
 * Migrations with Prisma's own schema engine, compiled to WebAssembly
 * (@prisma/schema-engine-wasm): the CLI's native engine cannot be downloaded
 * here, and SQL that Prisma can generate should not be written by hand. Each
 * provider has its own history (lib/db/schema-files.ts).
 * - createMigration: diffs the provider's schema against its migrations and writes a new migration (development);
 * - applyMigrations: applies pending migrations, recording them in _prisma_migrations as `prisma migrate deploy` does.
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { databaseTarget, type DatabaseProvider, type DatabaseTarget } from "./config";
import { createPostgresDatabase, dropPostgresDatabase, withAdvisoryLock } from "./postgres-admin";
import { SCHEMA_FILES } from "./schema-files";

const root = process.cwd();
const LOCKFILE = "migration_lock.toml";
const NO_FILTER = { externalTables: [], externalEnums: [] };
/** Our own lock, not the engine's: several servers and workers starting at once migrate one at a time. */
const MIGRATION_LOCK = 7_342_001;

type Engine = {
  diff(input: unknown): Promise<{ stdout: string }>;
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  free(): void | Promise<void>;
};

type EngineModule = { SchemaEngine: { new: (options: unknown, log: (message: string) => void, adapter: object) => Promise<Engine> } };
let engineModule: Promise<EngineModule> | undefined;

/**
 * The engine's ESM entry imports its .wasm file directly (Node 24 runs wasm
 * ESM imports without a flag). Imported once per process: the wasm-bindgen
 * glue keeps module-level state that a second instance would corrupt.
 */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    // The engine reports a Rust panic's message through this global before it throws.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message(message: string) {
        console.error(`Prisma schema engine panicked: ${message}`);
      },
    };
    return (await import("@prisma/schema-engine-wasm")) as unknown as EngineModule;
  })();
  return engineModule;
}

/** The engine's way into the database, and how to close what it leaves open. */
function adapterFactory(target: DatabaseTarget): { factory: SqlMigrationAwareDriverAdapterFactory; close: () => Promise<void> } {
  if (target.provider === "sqlite") return { factory: new PrismaBetterSqlite3({ url: target.file }), close: async () => {} };
  const pool = new pg.Pool({ connectionString: target.url, Client: CatalogReadingClient as unknown as typeof pg.Client });
  return { factory: new PrismaPg(pool), close: () => pool.end() };
}

/** PostgreSQL's one-byte `"char"` type (pg_catalog's kinds and flags), which @prisma/adapter-pg 7.10 cannot map. */
const PG_CHAR_TYPE = 18;
const PG_TEXT_TYPE = 25;

/**
 * The engine reads pg_catalog to diff a PostgreSQL database, and some of its
 * columns are `"char"`; @prisma/adapter-pg 7.10 refuses that type ("Column
 * type 'char' could not be deserialized"). pg returns those values as
 * strings already, so this client reports such columns as text. Only the
 * migration engine uses it; the app's queries never read the catalog.
 */
class CatalogReadingClient extends pg.Client {
  // @ts-expect-error pg's many overloads cannot be restated; every form is passed through, promise or callback.
  override query(...args: unknown[]): unknown {
    const callback = typeof args.at(-1) === "function" ? (args.pop() as (error: unknown, result?: pg.QueryResult) => void) : undefined;
    const results = (super.query as (...rest: unknown[]) => Promise<pg.QueryResult>)(...args).then((result) => {
      for (const field of result.fields ?? []) if (field.dataTypeID === PG_CHAR_TYPE) field.dataTypeID = PG_TEXT_TYPE;
      return result;
    });
    if (!callback) return results;
    results.then((result) => callback(null, result), (error: unknown) => callback(error));
    return undefined;
  }
}

async function startEngine(target: DatabaseTarget): Promise<Engine> {
  const glue = await loadEngineModule();
  // The engine opens connections through this factory but never closes them; we do, in free().
  const { factory, close } = adapterFactory(target);
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const connection = await factory.connect();
      opened.push(connection);
      return connection;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
  const schemaFile = SCHEMA_FILES[target.provider].schema;
  const engine = await glue.SchemaEngine.new(
    { datamodels: [[schemaFile, readFileSync(schemaFile, "utf8")]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  return {
    applyMigrations: (input) => engine.applyMigrations(input),
    diff: (input) => engine.diff(input),
    free: async () => {
      engine.free();
      await Promise.all(opened.map((connection) => connection.dispose()));
      await close();
    },
  };
}

/** The provider's migrations in order; with `before`, only those older than the migration named `<timestamp>_<before>`. */
function migrationsList(provider: DatabaseProvider, before?: string) {
  const dir = SCHEMA_FILES[provider].migrations;
  const all = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const stop = before === undefined ? -1 : all.findIndex((name) => name.endsWith(`_${before}`));
  if (before !== undefined && stop === -1) throw new Error(`there is no migration named ${before}`);
  const directories = stop === -1 ? all : all.slice(0, stop);
  const lockfile = path.join(dir, LOCKFILE);
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: existsSync(lockfile) ? readFileSync(lockfile, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: readFileSync(path.join(dir, name, "migration.sql"), "utf8") } },
    })),
  };
}

async function applyWithEngine(target: DatabaseTarget, before?: string): Promise<string[]> {
  const engine = await startEngine(target);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: migrationsList(target.provider, before), filters: NO_FILTER });
    return appliedMigrationNames;
  } finally {
    await engine.free();
  }
}

/**
 * Creates the database if needed (a SQLite file, or a database on the
 * PostgreSQL server) and applies pending migrations. Returns the names applied.
 * `before` stops short of a named migration: tests of a data migration set
 * up the data it will find.
 */
export async function applyMigrations(url: string, { before }: { before?: string } = {}): Promise<string[]> {
  const target = databaseTarget(url);
  if (target.provider === "postgresql") {
    await createPostgresDatabase(target.url);
    return withAdvisoryLock(target.url, MIGRATION_LOCK, () => applyWithEngine(target, before));
  }
  mkdirSync(path.dirname(target.file), { recursive: true });
  // WAL lets readers work while a submission is written; the setting lives in the file, so once is enough.
  const db = new Database(target.file);
  if (db.pragma("journal_mode", { simple: true }) !== "wal") db.pragma("journal_mode = WAL");
  db.close();
  return applyWithEngine(target, before);
}

/**
 * A database to replay the migrations into, as `prisma migrate dev` does with
 * its shadow database: a file in a temporary folder, or a new database on the
 * PostgreSQL server at `postgresServer`. Removed by the returned function.
 */
async function scratchDatabase(provider: DatabaseProvider, postgresServer: string): Promise<{ target: DatabaseTarget; remove: () => Promise<void> }> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "descent-migration-"));
    return { target: { provider, file: path.join(dir, "scratch.db") }, remove: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const url = new URL(postgresServer);
  url.pathname = `/descent_scratch_${randomBytes(6).toString("hex")}`;
  await createPostgresDatabase(url.toString());
  return { target: { provider, url: url.toString() }, remove: () => dropPostgresDatabase(url.toString()) };
}

/** The SQL that takes a database with every migration applied to the provider's schema; empty when they agree. */
export async function pendingSchemaChanges(provider: DatabaseProvider, postgresServer: string): Promise<string> {
  const scratch = await scratchDatabase(provider, postgresServer);
  const engine = await startEngine(scratch.target);
  try {
    await engine.applyMigrations({ migrationsList: migrationsList(provider), filters: NO_FILTER });
    const files = [{ path: SCHEMA_FILES[provider].schema, content: readFileSync(SCHEMA_FILES[provider].schema, "utf8") }];
    const { stdout } = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: root },
      to: { tag: "schemaDatamodel", files },
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters: NO_FILTER,
    });
    return /^-- This is an empty migration/.test(stdout.trim()) ? "" : stdout.trim();
  } finally {
    await engine.free();
    await scratch.remove();
  }
}

/**
 * Writes a new migration for the changes in the provider's schema, if there
 * are any, and returns its folder name.
 */
export async function createMigration(provider: DatabaseProvider, name: string, postgresServer: string): Promise<string | undefined> {
  const sql = await pendingSchemaChanges(provider, postgresServer);
  if (!sql) return undefined;
  const dir = SCHEMA_FILES[provider].migrations;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = `${stamp}_${name}`;
  mkdirSync(path.join(dir, folder), { recursive: true });
  writeFileSync(path.join(dir, folder, "migration.sql"), `${sql}\n`);
  writeFileSync(path.join(dir, LOCKFILE), `# Written by scripts/db.ts with Prisma's schema engine.\nprovider = "${provider}"\n`);
  return folder;
}
