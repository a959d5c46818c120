import { BotError } from "../core/bot-error.ts";
import type { TableCount } from "./copy-sqlite-to-pg.ts";
import { isPostgresUrl } from "./open-store.ts";
import { describePgUrl, pgUnavailable } from "./pg-errors.ts";

export interface CopyReport {
  from: string;
  to: string;
  tables: TableCount[];
}

/**
 * `cpbot db copy`: the embedded SQLite database (`--from`, which must exist) into an empty PostgreSQL
 * database (`--to`, migrated first under the advisory lock). Throws BotError with a message that says
 * what to do: a wrong kind of URL, an unreachable server, a non-empty target, or counts that differ
 * after the copy ("conflict"; the copied rows stay, so they can be inspected).
 */
export async function copyDatabase(fromUrl: string, toUrl: string, cwd?: string): Promise<CopyReport> {
  if (isPostgresUrl(fromUrl)) {
    throw new BotError(
      `--from ${describePgUrl(fromUrl)} is PostgreSQL; db copy moves the embedded SQLite database to PostgreSQL. ` +
        "Give --from sqlite:PATH (e.g. sqlite:./data/cpbot.db). To copy between two PostgreSQL servers use pg_dump.",
      "config_invalid",
    );
  }
  if (!isPostgresUrl(toUrl)) {
    throw new BotError(
      `--to "${toUrl}" is not a PostgreSQL URL; expected postgres://user:password@host:5432/database.`,
      "config_invalid",
    );
  }
  const to = toUrl.trim();
  const target = describePgUrl(to);
  if (!URL.canParse(to) || new URL(to).pathname.length <= 1) {
    throw new BotError(
      `--to ${target} is not a usable PostgreSQL URL: it needs a host and a database name, e.g. ` +
        "postgres://cpbot:secret@db.internal:5432/cpbot.",
      "config_invalid",
    );
  }
  const { openSqliteDatabase } = await import("./open-sqlite-database.ts");
  const { describeTarget, parseDatabaseUrl } = await import("./parse-database-url.ts");
  const sourceTarget = parseDatabaseUrl(fromUrl, cwd);
  if (sourceTarget.kind === "memory") {
    throw new BotError(
      "--from :memory: holds nothing to copy; give the SQLite file, e.g. sqlite:./data/cpbot.db.",
      "config_invalid",
    );
  }
  // mustExist: a mistyped path must not become an empty database that copies "successfully".
  const source = openSqliteDatabase(sourceTarget, { mustExist: true });
  const { default: pg } = await import("pg");
  const { migratePg } = await import("./pg-migrate.ts");
  const { copySqliteToPg } = await import("./copy-sqlite-to-pg.ts");
  const pool = new pg.Pool({ connectionString: to, max: 1, connectionTimeoutMillis: 5000 });
  pool.on("error", () => {});
  try {
    let tables: TableCount[];
    try {
      await migratePg(pool, target);
      tables = await copySqliteToPg(source, pool, target);
    } catch (error) {
      throw error instanceof BotError ? error : pgUnavailable(target, error);
    }
    const wrong = tables.filter((t) => t.source !== t.target);
    if (wrong.length > 0) {
      throw new BotError(
        `The copy to ${target} does not match: ${wrong.map((t) => `${t.table} ${t.source} in SQLite, ${t.target} in PostgreSQL`).join("; ")}. ` +
          "Do not switch DATABASE_URL yet; drop and recreate the target database and run db copy again.",
        "conflict",
      );
    }
    return { from: describeTarget(sourceTarget), to: target, tables };
  } finally {
    source.close();
    await pool.end().catch(() => {});
  }
}
