import { isAbsolute, resolve } from "node:path";
import { BotError } from "../core/bot-error.ts";

/** Where the embedded database lives when DATABASE_URL is unset. */
export const defaultDatabaseUrl = "./data/cpbot.db";

export type DatabaseTarget = { kind: "memory" } | { kind: "file"; path: string };

/**
 * Turns DATABASE_URL into a SQLite target. Accepted: a plain path (`./data/cpbot.db`, `/var/lib/cpbot.db`),
 * `file:./x.db`, `sqlite:./x.db`, `sqlite:///abs/path.db` (URL style: three slashes then an absolute path),
 * `file:///abs/path.db`, and `:memory:` (also `sqlite::memory:`). Relative paths resolve against `cwd`.
 */
export function parseDatabaseUrl(url: string | undefined, cwd: string = process.cwd()): DatabaseTarget {
  const raw = (url ?? "").trim() || defaultDatabaseUrl;
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\\)/i.exec(raw)?.[1];
  let rest = raw;
  if (scheme && scheme.length > 1) {
    // A one-letter "scheme" is a Windows drive (C:/data/cpbot.db), not a URL.
    const lower = scheme.toLowerCase();
    if (lower !== "sqlite" && lower !== "file" && lower !== "sqlite3") {
      throw new BotError(
        `DATABASE_URL "${raw}" uses "${scheme}:", which this build has no Store for. ` +
          `Use a SQLite path such as ${defaultDatabaseUrl} or sqlite:///var/lib/cpbot/cpbot.db, ` +
          "or postgres://user:password@host:5432/database for PostgreSQL.",
        "config_invalid",
      );
    }
    rest = raw.slice(scheme.length + 1);
    // URL authority form: "//" + (empty host) + path, so sqlite:///abs → /abs and sqlite://./x.db → ./x.db.
    if (rest.startsWith("//")) rest = rest.slice(2);
    if (rest.includes("?")) {
      throw new BotError(
        `DATABASE_URL "${raw}" has query parameters; cpbot sets SQLite options itself. Remove everything from "?".`,
        "config_invalid",
      );
    }
    rest = decodeURIComponent(rest);
  }
  if (rest === ":memory:") return { kind: "memory" };
  if (rest === "") {
    throw new BotError(`DATABASE_URL "${raw}" names no file. Example: sqlite:./data/cpbot.db.`, "config_invalid");
  }
  return { kind: "file", path: isAbsolute(rest) ? rest : resolve(cwd, rest) };
}

/** How a target reads in messages and logs. */
export function describeTarget(target: DatabaseTarget): string {
  return target.kind === "memory" ? ":memory:" : target.path;
}
