import type { Pool, PoolClient } from "pg";
import { BotError } from "../core/bot-error.ts";
import { type Migration, migrations, newerSchemaError } from "./migrations.ts";

/** pg_advisory_lock key for migrations: any constant works, this one is "cpbot" in ASCII. */
export const migrationLockKey = 0x6370626f74;

/**
 * Brings a PostgreSQL database up to the latest version, one transaction per migration, under an advisory
 * lock: replicas starting together queue on the lock, and the ones after the first find nothing to do.
 * Returns the versions applied. A database from a newer cpbot is refused rather than guessed at.
 */
export async function migratePg(pool: Pool, target: string, list: Migration[] = migrations): Promise<number[]> {
  const known = Math.max(0, ...list.map((m) => m.version));
  const client = await pool.connect();
  // A checked-out client's 'error' (the connection dropped) has no listener of pg-pool's: heard here, and the
  // next statement fails, which is what the caller reports.
  const dropped = () => {};
  client.on("error", dropped);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [migrationLockKey]);
    try {
      await client.query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
      );
      await refuseForeignDatabase(client, target);
      const applied: number[] = [];
      for (const migration of [...list].sort((a, b) => a.version - b.version)) {
        const current = await pgSchemaVersion(client);
        if (current > known) throw newerSchemaError(target, current, known);
        if (current >= migration.version) continue;
        await client.query("BEGIN");
        try {
          await client.query(migration.postgres);
          await client.query(
            `INSERT INTO schema_migrations (version, name, applied_at)
             VALUES ($1, $2, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`,
            [migration.version, migration.name],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {});
          throw error;
        }
        applied.push(migration.version);
      }
      const final = await pgSchemaVersion(client);
      if (final > known) throw newerSchemaError(target, final, known);
      return applied;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [migrationLockKey]).catch(() => {});
    }
  } finally {
    client.off("error", dropped);
    client.release();
  }
}

export async function pgSchemaVersion(client: PoolClient | Pool): Promise<number> {
  const { rows } = await client.query<{ v: number | null }>("SELECT MAX(version) AS v FROM schema_migrations");
  return rows[0]?.v ?? 0;
}

/** cpbot's tables in a database without cpbot's bookkeeping: a mistyped DATABASE_URL, most likely. */
async function refuseForeignDatabase(client: PoolClient, target: string): Promise<void> {
  const { rows } = await client.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM schema_migrations");
  if ((rows[0]?.n ?? 0) > 0) return;
  const found = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_name IN ('sessions', 'escalations', 'events')`,
  );
  if (found.rows.length === 0) return;
  throw new BotError(
    `The database ${target} already has tables named ${found.rows.map((r) => r.table_name).join(", ")} but no cpbot ` +
      "migrations recorded; it belongs to something else. Point DATABASE_URL at an empty database. Nothing was changed.",
    "store_unavailable",
  );
}
