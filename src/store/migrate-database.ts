import { BotError } from "../core/bot-error.ts";
import { latestSchemaVersion, migrations } from "./migrations.ts";
import { isPostgresUrl } from "./open-store.ts";
import { describePgUrl, pgUnavailable } from "./pg-errors.ts";

export interface MigrationReport {
  engine: "sqlite" | "postgres";
  /** The database, without any password. */
  target: string;
  /** What this run applied, oldest first; empty when the schema was already current. */
  applied: { version: number; name: string }[];
  /** The schema version now. */
  version: number;
}

/**
 * Applies the pending migrations of the database DATABASE_URL names and nothing else: `cpbot db migrate`,
 * run before a deploy so replicas start on a current schema. PostgreSQL takes the same advisory lock as
 * `serve` (pg-migrate.ts), so running this while replicas start is safe; SQLite takes its write lock.
 */
export async function migrateDatabase(url: string | undefined, cwd?: string): Promise<MigrationReport> {
  const applied = isPostgresUrl(url) ? await migratePostgres(url.trim()) : await migrateSqlite(url, cwd);
  const named = applied.map((version) => ({
    version,
    name: migrations.find((m) => m.version === version)?.name ?? "",
  }));
  return {
    engine: isPostgresUrl(url) ? "postgres" : "sqlite",
    target: isPostgresUrl(url) ? describePgUrl(url.trim()) : await sqliteTarget(url, cwd),
    applied: named,
    version: latestSchemaVersion,
  };
}

async function migratePostgres(url: string): Promise<number[]> {
  const { default: pg } = await import("pg");
  const { migratePg } = await import("./pg-migrate.ts");
  const target = describePgUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 5000 });
  pool.on("error", () => {});
  try {
    return await migratePg(pool, target);
  } catch (error) {
    throw error instanceof BotError ? error : pgUnavailable(target, error);
  } finally {
    await pool.end().catch(() => {});
  }
}

async function migrateSqlite(url: string | undefined, cwd?: string): Promise<number[]> {
  const { openSqliteDatabase } = await import("./open-sqlite-database.ts");
  const { parseDatabaseUrl } = await import("./parse-database-url.ts");
  let applied: number[] = [];
  const db = openSqliteDatabase(parseDatabaseUrl(url, cwd), { onMigrated: (versions) => (applied = versions) });
  db.close();
  return applied;
}

async function sqliteTarget(url: string | undefined, cwd?: string): Promise<string> {
  const { describeTarget, parseDatabaseUrl } = await import("./parse-database-url.ts");
  return describeTarget(parseDatabaseUrl(url, cwd));
}
