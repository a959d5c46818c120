import { isoTime, toJson } from "./iso-time.ts";
import { emptyCounts, failureValues, newDeliveryValues, type OutboxRow, rowToDelivery } from "./outbox-row.ts";
import type { Query } from "./pg-ops.ts";
import type { DeliveryFailure, DeliveryRecord, DeliveryStatus, DeliveryTake, NewDelivery } from "./store.ts";

/**
 * The outbox statements for PostgreSQL. A take leases rows with one UPDATE over a `FOR UPDATE SKIP
 * LOCKED` selection: replicas sweeping at the same moment each get different rows instead of waiting on
 * each other, and once the take commits, the lease (locked_until) keeps the rows theirs. A replica that
 * dies holding rows loses them to the others when the lease ends.
 */
export class PgOutbox {
  constructor(private readonly q: Query) {}

  async enqueue(input: NewDelivery): Promise<DeliveryRecord> {
    const [row] = await this.q<OutboxRow>(
      `INSERT INTO outbox (id, event_id, platform, target, reply, status, attempts, next_attempt_at,
         locked_until, locked_by, created_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8, $9, $10)
       RETURNING *`,
      newDeliveryValues(input),
    );
    return rowToDelivery(row as OutboxRow);
  }

  async take(take: DeliveryTake): Promise<DeliveryRecord[]> {
    if (take.platforms.length === 0 || take.limit <= 0) return [];
    const at = isoTime(take.at, "take time");
    const rows = await this.q<OutboxRow>(
      `UPDATE outbox SET locked_until = $2, locked_by = $3, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1
           AND (locked_until IS NULL OR locked_until <= $1) AND platform = ANY($4)
         ORDER BY next_attempt_at, created_at LIMIT $5
         FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [at, isoTime(take.leaseUntil, "lease end"), take.by, take.platforms, take.limit],
    );
    return rows.map(rowToDelivery).sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt));
  }

  async updateReply(id: string, by: string, reply: unknown): Promise<boolean> {
    const rows = await this.q(
      "UPDATE outbox SET reply = $1 WHERE id = $2 AND locked_by = $3 AND status = 'pending' RETURNING id",
      [toJson(reply, "the reply"), id, by],
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
      `UPDATE outbox SET status = 'delivered', reply = 'null', finished_at = $1, locked_until = NULL, last_error = NULL
       WHERE id = $2 AND locked_by = $3 AND status = 'pending' RETURNING id`,
      [isoTime(at, "delivery time"), id, by],
    );
    return rows.length === 1;
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
    const [row] = await this.q<OutboxRow>("SELECT * FROM outbox WHERE id = $1", [id]);
    return row ? rowToDelivery(row) : undefined;
  }

  async counts(): Promise<Record<DeliveryStatus, number>> {
    const counts = emptyCounts();
    const rows = await this.q<{ status: DeliveryStatus; n: number }>(
      "SELECT status, COUNT(*)::int AS n FROM outbox GROUP BY status",
    );
    for (const { status, n } of rows) counts[status] = n;
    return counts;
  }
}
