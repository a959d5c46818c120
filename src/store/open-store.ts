import type { OpenOptions } from "./open-sqlite-database.ts";
import type { PgOptions } from "./pg-store.ts";
import { openSqliteStore } from "./sqlite-store.ts";
import type { Store } from "./store.ts";

/** True for the URLs that select PostgreSQL; everything else is a SQLite path or URL. */
export function isPostgresUrl(url: string | undefined): url is string {
  return /^postgres(?:ql)?:\/\//i.test((url ?? "").trim());
}

/**
 * The Store DATABASE_URL names: `postgres://…` (or `postgresql://…`) opens PostgreSQL, shared by every
 * replica; anything else is the embedded SQLite file (default ./data/cpbot.db). Both are migrated on
 * open. PostgreSQL loads only when asked for, so the embedded default starts as fast as before.
 */
export async function openStore(
  url: string | undefined,
  options: OpenOptions & { cwd?: string } & { postgres?: PgOptions } = {},
): Promise<Store> {
  if (isPostgresUrl(url)) {
    const { openPgStore } = await import("./pg-store.ts");
    return openPgStore(url.trim(), options.postgres);
  }
  return openSqliteStore(url, options);
}
