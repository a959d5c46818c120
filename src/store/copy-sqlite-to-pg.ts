import type Database from "better-sqlite3";
import type pg from "pg";
import { BotError } from "../core/bot-error.ts";

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

/** Parents before children (history rows name their escalation); tables added later follow, by name. */
const tableOrder = ["sessions", "escalations", "escalation_history", "events", "processed_events"];
/**
 * The database's own settings (the escalation id prefix): the target's migration wrote its own, which the
 * source's replace, so every copied escalation keeps its id. Not counted when deciding "empty".
 */
const settingsTable = "store_meta";
/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const batchRows = 500;
/** Replies decided but not yet delivered: counted on their own, since losing one loses an answer. */
const pendingOutbox = { table: "outbox", label: "outbox pending", where: "status = 'pending'" } as const;

/**
 * Copies every cpbot table of a migrated SQLite database into a migrated, empty PostgreSQL database in
 * ONE transaction: a failure half-way leaves the target as empty as it was, so the copy can simply be
 * run again. Ids are copied as they are (ESC-0042 stays ESC-0042, so buttons already posted keep
 * working) and each serial sequence is moved past the highest copied id. A target holding any row is
 * refused: appending to a live database could mix two histories under one escalation id.
 * Pending outbox rows (replies decided, not yet delivered) come along with their attempts and backoff, and
 * lose the lease of the SQLite process that held them (it is stopped), so the first PostgreSQL replica
 * delivers them at once instead of after that lease.
 * Returns the row count per table on both sides, and of pending outbox rows, compared after the commit.
 */
export async function copySqliteToPg(source: Database.Database, pool: pg.Pool, target: string): Promise<TableCount[]> {
  const tables = copyableTables(source);
  const client = await pool.connect();
  // A checked-out client's 'error' (the connection dropped) has no listener of pg-pool's: heard here, and the
  // next statement fails, which is what the caller reports.
  const dropped = () => {};
  client.on("error", dropped);
  try {
    const missing = [];
    for (const table of tables) if (!(await pgHasTable(client, table))) missing.push(table);
    if (missing.length > 0) {
      throw new BotError(
        `The target ${target} has no table ${missing.join(", ")}: it runs an older cpbot schema. Run ` +
          "`cpbot db migrate` with the newer cpbot on it first. Nothing was copied.",
        "config_invalid",
      );
    }
    const occupied = await nonEmpty(
      client,
      tables.filter((t) => t !== settingsTable),
    );
    if (occupied.length > 0) {
      throw new BotError(
        `The target ${target} is not empty (${occupied.map((t) => `${t.table}: ${t.rows} rows`).join(", ")}). ` +
          "db copy only fills an empty database, so two histories never share an escalation id. Point --to " +
          "at a new database (createdb), or drop and recreate this one if its rows are a previous test copy. " +
          "Nothing was copied.",
        "conflict",
      );
    }
    // One read transaction on the source: the counts and the rows come from the same snapshot (WAL), even
    // if a bot still writes to the file meanwhile.
    source.exec("BEGIN");
    const sourceCounts = new Map<string, number>();
    const outbox = tables.includes(pendingOutbox.table);
    try {
      for (const table of tables) sourceCounts.set(table, sqliteCount(source, table));
      if (outbox) sourceCounts.set(pendingOutbox.label, sqliteCount(source, pendingOutbox.table, pendingOutbox.where));
      await client.query("BEGIN");
      try {
        if (tables.includes(settingsTable)) await client.query(`DELETE FROM ${quote(settingsTable)}`);
        for (const table of tables) await copyTable(source, client, table);
        if (outbox) {
          await client.query(
            `UPDATE ${quote(pendingOutbox.table)} SET locked_until = NULL, locked_by = NULL WHERE ${pendingOutbox.where}`,
          );
        }
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    } finally {
      source.exec("COMMIT");
    }
    const counts: TableCount[] = [];
    for (const table of tables) {
      counts.push({ table, source: sourceCounts.get(table) ?? 0, target: await pgCount(client, table) });
    }
    if (outbox) {
      const target = await pgCount(client, pendingOutbox.table, pendingOutbox.where);
      counts.push({ table: pendingOutbox.label, source: sourceCounts.get(pendingOutbox.label) ?? 0, target });
    }
    return counts;
  } finally {
    client.off("error", dropped);
    client.release();
  }
}

/** cpbot's tables in the source: everything but SQLite's own and the migration bookkeeping. */
function copyableTables(db: Database.Database): string[] {
  const names = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'schema_migrations'",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  const rank = (name: string) => (tableOrder.includes(name) ? tableOrder.indexOf(name) : tableOrder.length);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

async function copyTable(source: Database.Database, client: pg.PoolClient, table: string): Promise<void> {
  const columns = (source.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((c) => c.name);
  const names = columns.map(quote).join(", ");
  let batch: unknown[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const values = batch.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(", ")})`);
    await client.query(`INSERT INTO ${quote(table)} (${names}) VALUES ${values.join(", ")}`, batch.flat());
    batch = [];
  };
  for (const row of source
    .prepare(`SELECT ${names} FROM ${quote(table)}`)
    .raw()
    .iterate() as Iterable<unknown[]>) {
    batch.push(row.map((v) => (typeof v === "bigint" ? Number(v) : v)));
    if (batch.length >= batchRows) await flush();
  }
  await flush();
  // Explicit ids do not advance a serial's sequence; without this the next escalation would collide.
  for (const column of columns) {
    const { rows } = await client.query<{ seq: string | null }>("SELECT pg_get_serial_sequence($1, $2) AS seq", [
      table,
      column,
    ]);
    const sequence = rows[0]?.seq;
    if (!sequence) continue;
    await client.query(
      `SELECT setval($1, GREATEST((SELECT COALESCE(MAX(${quote(column)}), 0) FROM ${quote(table)}), 1), (SELECT COUNT(*) > 0 FROM ${quote(table)}))`,
      [sequence],
    );
  }
}

async function pgHasTable(client: pg.PoolClient, table: string): Promise<boolean> {
  const { rows } = await client.query(
    "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = $1",
    [table],
  );
  return rows.length > 0;
}

async function nonEmpty(client: pg.PoolClient, tables: string[]): Promise<{ table: string; rows: number }[]> {
  const found = [];
  for (const table of tables) {
    const rows = await pgCount(client, table);
    if (rows > 0) found.push({ table, rows });
  }
  return found;
}

/** `where` is one of this file's constants, never user input. */
async function pgCount(client: pg.PoolClient, table: string, where = "TRUE"): Promise<number> {
  const { rows } = await client.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${quote(table)} WHERE ${where}`);
  return rows[0]?.n ?? 0;
}

function sqliteCount(db: Database.Database, table: string, where = "1"): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${quote(table)} WHERE ${where}`).get() as { n: number }).n;
}

/** Table and column names come from the databases' own catalogues, never from user input; quoted anyway. */
function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
