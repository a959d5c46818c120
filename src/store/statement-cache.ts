import type Database from "better-sqlite3";

export type Prepare = (sql: string) => Database.Statement;

/**
 * Prepares each SQL text once per connection. Compiling a statement costs more than running the small
 * lookups the engine does on every event, and the set of texts is fixed (the IN lists have at most four
 * statuses or eleven event types), so the cache stays small.
 */
export function statementCache(db: Database.Database): Prepare {
  const cache = new Map<string, Database.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
