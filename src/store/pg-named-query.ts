import { createHash } from "node:crypto";
import type pg from "pg";

/** The few texts PgOps and PgOutbox send; a name per text, computed once. */
const names = new Map<string, string>();

/**
 * The text as a named query: node-postgres parses and plans a named statement once per connection and
 * then only binds and executes it, which saves the server a parse and plan on every small lookup the
 * engine makes per event. The name is a digest of the text, so two texts can never share a name on a
 * connection (PostgreSQL refuses a name reused for different text). Only single statements go through
 * here: PgOps and PgOutbox send nothing else.
 *
 * A text with `*` (SELECT *, RETURNING *) stays unnamed: a prepared statement's result columns are
 * fixed, so a migration that adds a column while this replica runs (a rolling upgrade) would make every
 * later call fail with "cached plan must not change result type" on that connection.
 */
export function namedQuery(text: string, values: unknown[] = []): pg.QueryConfig {
  if (text.includes("*")) return { text, values };
  let name = names.get(text);
  if (!name) {
    name = `cpbot_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    names.set(text, name);
  }
  return { name, text, values };
}
