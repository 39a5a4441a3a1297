/**
 * Migrations with Prisma's own schema engine, compiled to WebAssembly
 * (@prisma/schema-engine-wasm): the CLI's native engine cannot be downloaded
 * here, and SQL that Prisma can generate should not be written by hand.
 * - createMigration: diffs prisma/schema.prisma against prisma/migrations/ and writes a new migration (development);
 * - applyMigrations: applies pending migrations, recording them in _prisma_migrations as `prisma migrate deploy` does.
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = process.cwd();
const SCHEMA_FILE = path.join(root, "prisma", "schema.prisma");
const MIGRATIONS_DIR = path.join(root, "prisma", "migrations");
const LOCKFILE = "migration_lock.toml";
const NO_FILTER = { externalTables: [], externalEnums: [] };

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

async function startEngine(databaseFile: string): Promise<Engine> {
  const glue = await loadEngineModule();
  // The engine opens connections through this factory but never closes them; we do, in free().
  const factory = new PrismaBetterSqlite3({ url: databaseFile });
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
  const engine = await glue.SchemaEngine.new(
    { datamodels: [[SCHEMA_FILE, readFileSync(SCHEMA_FILE, "utf8")]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracked),
  );
  return {
    applyMigrations: (input) => engine.applyMigrations(input),
    diff: (input) => engine.diff(input),
    free: async () => {
      engine.free();
      await Promise.all(opened.map((connection) => connection.dispose()));
    },
  };
}

function migrationsList() {
  const directories = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockfile = path.join(MIGRATIONS_DIR, LOCKFILE);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: LOCKFILE, content: existsSync(lockfile) ? readFileSync(lockfile, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") } },
    })),
  };
}

/** Creates the database file if needed, applies pending migrations, and turns on WAL. Returns the names applied. */
export async function applyMigrations(databaseFile: string): Promise<string[]> {
  mkdirSync(path.dirname(databaseFile), { recursive: true });
  // WAL lets readers work while a submission is written; the setting lives in the file, so once is enough.
  const db = new Database(databaseFile);
  if (db.pragma("journal_mode", { simple: true }) !== "wal") db.pragma("journal_mode = WAL");
  db.close();
  const engine = await startEngine(databaseFile);
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: migrationsList(), filters: NO_FILTER });
    return appliedMigrationNames;
  } finally {
    await engine.free();
  }
}

/**
 * Writes a new migration for the changes in prisma/schema.prisma, if there are
 * any, and returns its folder name. Replays the existing migrations into a
 * scratch database and asks the engine for the SQL from there to the schema:
 * what `prisma migrate dev` does with its shadow database, which the wasm
 * engine cannot create for SQLite by itself.
 */
export async function createMigration(name: string): Promise<string | undefined> {
  const scratchDir = mkdtempSync(path.join(tmpdir(), "descent-migration-"));
  const engine = await startEngine(path.join(scratchDir, "scratch.db"));
  try {
    await engine.applyMigrations({ migrationsList: migrationsList(), filters: NO_FILTER });
    const files = [{ path: SCHEMA_FILE, content: readFileSync(SCHEMA_FILE, "utf8") }];
    const { stdout } = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: root },
      to: { tag: "schemaDatamodel", files },
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters: NO_FILTER,
    });
    if (!stdout.trim() || /^-- This is an empty migration/.test(stdout.trim())) return undefined;
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const folder = `${stamp}_${name}`;
    mkdirSync(path.join(MIGRATIONS_DIR, folder), { recursive: true });
    writeFileSync(path.join(MIGRATIONS_DIR, folder, "migration.sql"), stdout);
    writeFileSync(path.join(MIGRATIONS_DIR, LOCKFILE), '# Written by scripts/db.ts with Prisma\'s schema engine.\nprovider = "sqlite"\n');
    return folder;
  } finally {
    await engine.free();
    rmSync(scratchDir, { recursive: true, force: true });
  }
}
