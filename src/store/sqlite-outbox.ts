import { isoTime, toJson } from "./iso-time.ts";
import {
  emptyCounts,
  failureValues,
  newDeliveryRecord,
  newDeliveryValues,
  type OutboxRow,
  rowToDelivery,
} from "./outbox-row.ts";
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
    const values = newDeliveryValues(input);
    this.sql(
      `INSERT INTO outbox (id, event_id, platform, target, reply, status, attempts, next_attempt_at,
         locked_until, locked_by, created_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?)`,
    ).run(...values);
    // The record from what was written, not read back: every reply of every turn passes here, and
    // reading its JSON back only to parse it again cost more than the insert.
    return newDeliveryRecord(input, values);
  }

  take(take: DeliveryTake): DeliveryRecord[] {
    if (take.platforms.length === 0 || take.limit <= 0) return [];
    const at = isoTime(take.at, "take time");
    const until = isoTime(take.leaseUntil, "lease end");
    return this.atomically(() => {
      const rows = this.sql(
        `SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?
           AND (locked_until IS NULL OR locked_until <= ?)
           AND platform IN (${take.platforms.map(() => "?").join(", ")})
         ORDER BY next_attempt_at, created_at LIMIT ?`,
      ).all(at, at, ...take.platforms, take.limit) as { id: string }[];
      const lease = this.sql("UPDATE outbox SET locked_until = ?, locked_by = ?, attempts = attempts + 1 WHERE id = ?");
      for (const { id } of rows) lease.run(until, take.by, id);
      return rows.map(({ id }) => this.get(id) as DeliveryRecord);
    });
  }

  updateReply(id: string, by: string, reply: unknown): boolean {
    const json = toJson(reply, "the reply");
    return (
      this.sql("UPDATE outbox SET reply = ? WHERE id = ? AND locked_by = ? AND status = 'pending'").run(json, id, by)
        .changes === 1
    );
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
    // The reply's JSON (5 KB for an overview card, more than a page) is dropped once sent: the row then fits
    // its leaf page, so this UPDATE writes that page instead of copying the reply into new overflow pages.
    return (
      this.sql(
        `UPDATE outbox SET status = 'delivered', reply = 'null', finished_at = ?, locked_until = NULL, last_error = NULL
         WHERE id = ? AND locked_by = ? AND status = 'pending'`,
      ).run(time, id, by).changes === 1
    );
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
    const row = this.sql("SELECT * FROM outbox WHERE id = ?").get(id) as OutboxRow | undefined;
    return row ? rowToDelivery(row) : undefined;
  }

  counts(): Record<DeliveryStatus, number> {
    const counts = emptyCounts();
    const rows = this.sql("SELECT status, COUNT(*) AS n FROM outbox GROUP BY status").all() as {
      status: DeliveryStatus;
      n: number;
    }[];
    for (const { status, n } of rows) counts[status] = n;
    return counts;
  }
}
