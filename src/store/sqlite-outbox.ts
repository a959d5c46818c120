import { isoTime } from "./iso-time.ts";
import {
  countsFrom,
  failureValues,
  newDeliveryRecord,
  newDeliveryValues,
  type OutboxRow,
  rowToDelivery,
} from "./outbox-row.ts";
import { bodyKeepMs, bodyTouchMs, type ReplyBody, replyBody, timeBefore } from "./reply-body.ts";
import type { Prepare } from "./statement-cache.ts";
import type { DeliveryFailure, DeliveryRecord, DeliveryStatus, DeliveryTake, NewDelivery } from "./store.ts";

/**
 * The outbox half of SqliteStore. One process owns a SQLite file's writers, so a take is a SELECT and
 * UPDATE inside one IMMEDIATE transaction: nobody can take the same row between the two.
 */
export class SqliteOutbox {
  constructor(
    private readonly sql: Prepare,
    private readonly atomically: <T>(fn: () => T) => T,
  ) {}

  enqueue(input: NewDelivery): DeliveryRecord {
    const body = input.body ?? replyBody(input.reply);
    const values = newDeliveryValues(input, body);
    this.sql(
      `INSERT INTO outbox (id, event_id, platform, target, reply, reply_digest, status, attempts, next_attempt_at,
         locked_until, locked_by, created_at) VALUES (?, ?, ?, ?, 'null', ?, 'pending', ?, ?, ?, ?, ?)`,
    ).run(...values);
    this.keepBody(body, values[6] as string);
    // The record from what was written, not read back: every reply of every turn passes here, and
    // reading its JSON back only to parse it again cost more than the insert.
    return newDeliveryRecord(input, values);
  }

  /**
   * Stores a body once: a body already stored costs a lookup in its primary key and no write, except that
   * its use time moves forward once per bodyTouchMs (what keeps it from the purge).
   */
  private keepBody(body: ReplyBody, at: string): void {
    this.sql(
      `INSERT INTO reply_bodies (digest, used_at, body) VALUES (?, ?, ?)
         ON CONFLICT (digest) DO UPDATE SET used_at = excluded.used_at WHERE reply_bodies.used_at < ?`,
    ).run(body.digest, at, body.json, timeBefore(at, bodyTouchMs));
  }

  /**
   * Deletes the bodies no pending or dead row names and none used since bodyKeepMs before `at`. Delivered
   * rows name none (the delivered mark drops the reference), so only the few rows still waiting are read
   * (through outbox_waiting). Returns how many went.
   */
  purgeBodies(at: string): number {
    return this.sql(
      `DELETE FROM reply_bodies WHERE used_at < ? AND digest NOT IN (
         SELECT reply_digest FROM outbox WHERE status <> 'delivered' AND reply_digest IS NOT NULL)`,
    ).run(timeBefore(isoTime(at, "purge time"), bodyKeepMs)).changes;
  }

  take(take: DeliveryTake): DeliveryRecord[] {
    if (take.platforms.length === 0 || take.limit <= 0) return [];
    const at = isoTime(take.at, "take time");
    const until = isoTime(take.leaseUntil, "lease end");
    return this.atomically(() => {
      const rows = this.sql(
        `SELECT id FROM outbox WHERE status <> 'delivered' AND status = 'pending' AND next_attempt_at <= ?
           AND (locked_until IS NULL OR locked_until <= ?)
           AND platform IN (${take.platforms.map(() => "?").join(", ")})
         ORDER BY next_attempt_at, created_at LIMIT ?`,
      ).all(at, at, ...take.platforms, take.limit) as { id: string }[];
      const lease = this.sql("UPDATE outbox SET locked_until = ?, locked_by = ?, attempts = attempts + 1 WHERE id = ?");
      for (const { id } of rows) lease.run(until, take.by, id);
      return rows.map(({ id }) => this.get(id) as DeliveryRecord);
    });
  }

  updateReply(id: string, by: string, reply: unknown, at: string): boolean {
    const body = replyBody(reply);
    const time = isoTime(at, "reply time");
    return this.atomically(() => {
      const changed =
        this.sql(
          "UPDATE outbox SET reply = 'null', reply_digest = ? WHERE id = ? AND locked_by = ? AND status = 'pending'",
        ).run(body.digest, id, by).changes === 1;
      if (changed) this.keepBody(body, time);
      return changed;
    });
  }

  renew(id: string, by: string, until: string): boolean {
    const time = isoTime(until, "lease end");
    return (
      this.sql("UPDATE outbox SET locked_until = ? WHERE id = ? AND locked_by = ? AND status = 'pending'").run(
        time,
        id,
        by,
      ).changes === 1
    );
  }

  complete(id: string, by: string, at: string): boolean {
    const time = isoTime(at, "delivery time");
    // The reply is dropped once sent: the row names no body any more (the purge may take it), and a row
    // queued before version 5 loses its inline JSON, so the row fits its leaf page.
    return (
      this.sql(
        `UPDATE outbox SET status = 'delivered', reply = 'null', reply_digest = NULL, finished_at = ?,
           locked_until = NULL, last_error = NULL
         WHERE id = ? AND locked_by = ? AND status = 'pending'`,
      ).run(time, id, by).changes === 1
    );
  }

  /**
   * The marks of many rows as one statement: the ids go in as one JSON array (one statement text, prepared
   * once, whatever the count), each looked up by the primary key.
   */
  completeMany(ids: readonly string[], by: string, at: string): number {
    const time = isoTime(at, "delivery time");
    return this.sql(
      `UPDATE outbox SET status = 'delivered', reply = 'null', reply_digest = NULL, finished_at = ?,
         locked_until = NULL, last_error = NULL
       WHERE id IN (SELECT value FROM json_each(?)) AND locked_by = ? AND status = 'pending'`,
    ).run(time, JSON.stringify(ids), by).changes;
  }

  fail(id: string, failure: DeliveryFailure): boolean {
    const v = failureValues(failure);
    return (
      this.sql(
        `UPDATE outbox SET status = ?, next_attempt_at = ?, last_error = ?, finished_at = ?, progress = ?,
           locked_until = NULL WHERE id = ? AND locked_by = ? AND status = 'pending'`,
      ).run(v.status, v.next, v.error, v.finished, Math.max(0, Math.trunc(failure.progress)), id, failure.by)
        .changes === 1
    );
  }

  get(id: string): DeliveryRecord | undefined {
    const row = this.sql(
      "SELECT o.*, b.body FROM outbox o LEFT JOIN reply_bodies b ON b.digest = o.reply_digest WHERE o.id = ?",
    ).get(id) as OutboxRow | undefined;
    return row ? rowToDelivery(row) : undefined;
  }

  counts(): Record<DeliveryStatus, number> {
    // Rows still waiting from their index; delivered ones as the rest (they are not in it).
    const all = (this.sql("SELECT COUNT(*) AS n FROM outbox").get() as { n: number }).n;
    const rows = this.sql(
      "SELECT status, COUNT(*) AS n FROM outbox WHERE status <> 'delivered' GROUP BY status",
    ).all() as { status: DeliveryStatus; n: number }[];
    return countsFrom(all, rows);
  }
}
