import { isoTime } from "./iso-time.ts";
import {
  countsFrom,
  failureValues,
  newDeliveryRecord,
  newDeliveryValues,
  type OutboxRow,
  rowToDelivery,
} from "./outbox-row.ts";
import type { Query } from "./pg-ops.ts";
import { bodyKeepMs, bodyTouchMs, replyBody, timeBefore } from "./reply-body.ts";
import type { DeliveryFailure, DeliveryRecord, DeliveryStatus, DeliveryTake, NewDelivery } from "./store.ts";

/**
 * The outbox statements for PostgreSQL. A take leases rows with one UPDATE over a `FOR UPDATE SKIP
 * LOCKED` selection: replicas sweeping at the same moment each get different rows instead of waiting on
 * each other, and once the take commits, the lease (locked_until) keeps the rows theirs. A replica that
 * dies holding rows loses them to the others when the lease ends.
 *
 * A reply's body is written with its row in one statement (a CTE): stored once per digest, its `used_at`
 * moved forward at most once per bodyTouchMs. The purge deletes only bodies unused for bodyKeepMs, so a
 * replica queueing a reply whose reference is not committed yet never loses its body to another's purge:
 * either the body was used recently (the purge leaves it), or the upsert moves `used_at` and locks the
 * row, and the purge's DELETE, finding the row changed, re-checks it and leaves it.
 */
const keepBody = `INSERT INTO reply_bodies (digest, used_at, body) VALUES ($1, $2, $3)
  ON CONFLICT (digest) DO UPDATE SET used_at = EXCLUDED.used_at WHERE reply_bodies.used_at < $4`;

export class PgOutbox {
  constructor(private readonly q: Query) {}

  async enqueue(input: NewDelivery): Promise<DeliveryRecord> {
    const body = input.body ?? replyBody(input.reply);
    const values = newDeliveryValues(input, body);
    const at = values[6] as string;
    await this.q(
      `WITH body AS (${keepBody})
       INSERT INTO outbox (id, event_id, platform, target, reply, reply_digest, status, attempts, next_attempt_at,
         locked_until, locked_by, created_at)
       VALUES ($5, $6, $7, $8, 'null', $1, 'pending', $9, $10, $11, $12, $13)`,
      [body.digest, at, body.json, timeBefore(at, bodyTouchMs), ...values.filter((_, i) => i !== 4)],
    );
    return newDeliveryRecord(input, values);
  }

  /** See SqliteOutbox.purgeBodies: the same rule, the same statement. */
  async purgeBodies(at: string): Promise<number> {
    const rows = await this.q(
      `DELETE FROM reply_bodies WHERE used_at < $1 AND digest NOT IN (
         SELECT reply_digest FROM outbox WHERE status <> 'delivered' AND reply_digest IS NOT NULL)
       RETURNING digest`,
      [timeBefore(isoTime(at, "purge time"), bodyKeepMs)],
    );
    return rows.length;
  }

  async take(take: DeliveryTake): Promise<DeliveryRecord[]> {
    if (take.platforms.length === 0 || take.limit <= 0) return [];
    const at = isoTime(take.at, "take time");
    const rows = await this.q<OutboxRow>(
      `WITH taken AS (
         UPDATE outbox SET locked_until = $2, locked_by = $3, attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM outbox WHERE status <> 'delivered' AND status = 'pending' AND next_attempt_at <= $1
             AND (locked_until IS NULL OR locked_until <= $1) AND platform = ANY($4)
           ORDER BY next_attempt_at, created_at LIMIT $5
           FOR UPDATE SKIP LOCKED)
         RETURNING *)
       SELECT taken.*, b.body FROM taken LEFT JOIN reply_bodies b ON b.digest = taken.reply_digest`,
      [at, isoTime(take.leaseUntil, "lease end"), take.by, take.platforms, take.limit],
    );
    return rows.map(rowToDelivery).sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt));
  }

  async updateReply(id: string, by: string, reply: unknown, at: string): Promise<boolean> {
    const body = replyBody(reply);
    const time = isoTime(at, "reply time");
    // The body is kept only when the row is still ours: a CTE that changes no row inserts nothing.
    const rows = await this.q(
      `WITH moved AS (
         UPDATE outbox SET reply = 'null', reply_digest = $1 WHERE id = $5 AND locked_by = $6 AND status = 'pending'
         RETURNING id),
       body AS (
         INSERT INTO reply_bodies (digest, used_at, body) SELECT $1, $2, $3 FROM moved
         ON CONFLICT (digest) DO UPDATE SET used_at = EXCLUDED.used_at WHERE reply_bodies.used_at < $4)
       SELECT id FROM moved`,
      [body.digest, time, body.json, timeBefore(time, bodyTouchMs), id, by],
    );
    return rows.length === 1;
  }

  async renew(id: string, by: string, until: string): Promise<boolean> {
    const rows = await this.q(
      "UPDATE outbox SET locked_until = $1 WHERE id = $2 AND locked_by = $3 AND status = 'pending' RETURNING id",
      [isoTime(until, "lease end"), id, by],
    );
    return rows.length === 1;
  }

  async complete(id: string, by: string, at: string): Promise<boolean> {
    const rows = await this.q(
      `UPDATE outbox SET status = 'delivered', reply = 'null', reply_digest = NULL, finished_at = $1,
         locked_until = NULL, last_error = NULL
       WHERE id = $2 AND locked_by = $3 AND status = 'pending' RETURNING id`,
      [isoTime(at, "delivery time"), id, by],
    );
    return rows.length === 1;
  }

  /**
   * The marks of many rows as one statement (the ids as one text array). Committed asynchronously
   * (synchronous_commit off for this transaction alone, set by the statement itself): a mark lost to a
   * server crash lets the answer go once more after its lease, as a crash of cpbot does, so the commit
   * need not wait for PostgreSQL's WAL flush; every other write still does.
   */
  async completeMany(ids: readonly string[], by: string, at: string): Promise<number> {
    const rows = await this.q(
      `UPDATE outbox SET status = 'delivered', reply = 'null', reply_digest = NULL, finished_at = $1,
         locked_until = NULL, last_error = NULL
       FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit
       WHERE id = ANY($2::text[]) AND locked_by = $3 AND status = 'pending' RETURNING id`,
      [isoTime(at, "delivery time"), [...ids], by],
    );
    return rows.length;
  }

  async fail(id: string, failure: DeliveryFailure): Promise<boolean> {
    const v = failureValues(failure);
    const rows = await this.q(
      `UPDATE outbox SET status = $1, next_attempt_at = $2, last_error = $3, finished_at = $4, progress = $5,
         locked_until = NULL WHERE id = $6 AND locked_by = $7 AND status = 'pending' RETURNING id`,
      [v.status, v.next, v.error, v.finished, Math.max(0, Math.trunc(failure.progress)), id, failure.by],
    );
    return rows.length === 1;
  }

  async get(id: string): Promise<DeliveryRecord | undefined> {
    const [row] = await this.q<OutboxRow>(
      "SELECT o.*, b.body FROM outbox o LEFT JOIN reply_bodies b ON b.digest = o.reply_digest WHERE o.id = $1",
      [id],
    );
    return row ? rowToDelivery(row) : undefined;
  }

  async counts(): Promise<Record<DeliveryStatus, number>> {
    const [all] = await this.q<{ n: number }>("SELECT COUNT(*)::int AS n FROM outbox");
    const rows = await this.q<{ status: DeliveryStatus; n: number }>(
      "SELECT status, COUNT(*)::int AS n FROM outbox WHERE status <> 'delivered' GROUP BY status",
    );
    return countsFrom(all?.n ?? 0, rows);
  }
}
