import { BotError } from "../core/bot-error.ts";
import type { EscalationIds } from "./escalation-ids.ts";
import { checkTransition, claimedByAfter } from "./escalation-lifecycle.ts";
import { type EscalationRow, type HistoryRow, rowToEscalation, withoutUndefined } from "./escalation-row.ts";
import { isoTime, toJson } from "./iso-time.ts";
import { type SessionRow, sessionConflict, toSession } from "./session-row.ts";
import { type EventRow, rowToEvent } from "./sqlite-events.ts";
import {
  type AnalyticsEvent,
  type AnalyticsEventType,
  type EscalationDelivery,
  type EscalationRecord,
  type EscalationStatus,
  type EscalationTransition,
  idempotencyTtlMs,
  type NewEscalation,
  type SessionRecord,
} from "./store.ts";

/** Runs one statement on the connection the caller chose (a transaction's, or any from the pool). */
export type Query = <R>(sql: string, params?: unknown[]) => Promise<R[]>;

/**
 * The store's statements for PostgreSQL, written for READ COMMITTED: a read-then-write locks its row
 * first (FOR UPDATE), and inserts that may race use ON CONFLICT, so two replicas deciding at the same
 * moment queue on the row instead of both succeeding. Writes of more than one statement must run inside
 * a transaction (PgStore does that).
 */
export class PgOps {
  constructor(
    private readonly q: Query,
    private readonly ids: EscalationIds,
  ) {}

  /** The connection's query function, for the outbox statements (pg-outbox.ts). */
  get query(): Query {
    return this.q;
  }

  async getSession(key: string): Promise<SessionRecord | undefined> {
    const [row] = await this.q<SessionRow>("SELECT * FROM sessions WHERE key = $1", [key]);
    return row ? toSession(row) : undefined;
  }

  async saveSession(key: string, state: unknown, expected: number | null, at: string): Promise<SessionRecord> {
    const time = isoTime(at, "session time");
    const json = toJson(state, `session ${key}`);
    if (expected === null) {
      const [row] = await this.q<SessionRow>(
        `INSERT INTO sessions (key, state, revision, created_at, updated_at) VALUES ($1, $2, 1, $3, $3)
         ON CONFLICT (key) DO NOTHING RETURNING *`,
        [key, json, time],
      );
      if (row) return toSession(row);
    } else {
      const [row] = await this.q<SessionRow>(
        "UPDATE sessions SET state = $2, revision = revision + 1, updated_at = $3 WHERE key = $1 AND revision = $4 RETURNING *",
        [key, json, time, expected],
      );
      if (row) return toSession(row);
    }
    const [current] = await this.q<{ revision: number }>("SELECT revision FROM sessions WHERE key = $1", [key]);
    throw sessionConflict(key, current?.revision ?? null, expected);
  }

  async deleteSession(key: string): Promise<boolean> {
    return (await this.q("DELETE FROM sessions WHERE key = $1 RETURNING key", [key])).length > 0;
  }

  async createEscalation(input: NewEscalation): Promise<{ escalation: EscalationRecord; created: boolean }> {
    const at = isoTime(input.at, "escalation time");
    const handoff = toJson(input.handoff, "the escalation handoff");
    const [inserted] = await this.q<{ seq: number }>(
      `INSERT INTO escalations (idempotency_key, session_key, playbook, playbook_version, requester, origin,
         note, handoff, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $9)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING seq`,
      [
        input.idempotencyKey,
        input.sessionKey,
        input.playbook ?? null,
        input.playbookVersion ?? null,
        toJson(input.requester, "the requester"),
        toJson(input.origin, "the origin conversation"),
        input.note ?? null,
        handoff,
        at,
      ],
    );
    if (!inserted) {
      // Another request (a double click, a replica) created it first; READ COMMITTED sees its commit now.
      const existing = await this.getEscalationByKey(input.idempotencyKey);
      if (!existing) throw new BotError(`Escalation ${input.idempotencyKey} vanished while being created.`, "conflict");
      return { escalation: existing, created: false };
    }
    await this.appendHistory(inserted.seq, 0, { from: null, to: "open", by: input.requester, at, note: input.note });
    return { escalation: (await this.load(inserted.seq))!, created: true };
  }

  async getEscalation(id: string): Promise<EscalationRecord | undefined> {
    const seq = this.ids.parse(id);
    return seq === undefined ? undefined : this.load(seq);
  }

  async getEscalationByKey(key: string): Promise<EscalationRecord | undefined> {
    const [row] = await this.q<EscalationRow>("SELECT * FROM escalations WHERE idempotency_key = $1", [key]);
    return row ? this.toRecord(row) : undefined;
  }

  async listEscalations(filter: { status?: EscalationStatus[]; sessionKey?: string } = {}) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status) {
      if (filter.status.length === 0) return [];
      params.push(filter.status);
      where.push(`status = ANY($${params.length})`);
    }
    if (filter.sessionKey !== undefined) {
      params.push(filter.sessionKey);
      where.push(`session_key = $${params.length}`);
    }
    const sql = `SELECT * FROM escalations ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY seq`;
    return this.toRecords(await this.q<EscalationRow>(sql, params));
  }

  async transitionEscalation(id: string, change: EscalationTransition): Promise<EscalationRecord> {
    const at = isoTime(change.at, "transition time");
    // The row lock makes two Claims at the same moment (on two replicas) queue: the second sees the first.
    const { seq, row } = await this.lockEscalation(id);
    const record = await this.toRecord(row);
    if (checkTransition(record, change) === "noop") return record;
    const claimedBy = claimedByAfter(record, change);
    await this.q("UPDATE escalations SET status = $1, claimed_by = $2, updated_at = $3 WHERE seq = $4", [
      change.to,
      claimedBy ? toJson(claimedBy, "the claimer") : null,
      at,
      seq,
    ]);
    const entry = { from: record.status, to: change.to, by: change.by, at, note: change.note };
    await this.appendHistory(seq, record.history.length, entry);
    return (await this.load(seq))!;
  }

  /** The escalation's row, locked until the transaction ends; not_found for an id this database never gave. */
  private async lockEscalation(id: string): Promise<{ seq: number; row: EscalationRow }> {
    const seq = this.ids.parse(id);
    const [row] =
      seq === undefined
        ? []
        : await this.q<EscalationRow>("SELECT * FROM escalations WHERE seq = $1 FOR UPDATE", [seq]);
    if (!row || seq === undefined) throw notFound(id);
    return { seq, row };
  }

  async setEscalationDelivery(id: string, delivery: EscalationDelivery): Promise<EscalationRecord> {
    const { seq, row } = await this.lockEscalation(id);
    const record = await this.toRecord(row);
    const merged = { ...record.delivery, ...withoutUndefined(delivery) };
    await this.q(
      "UPDATE escalations SET handoff_message_id = $1, handoff_conversation = $2, origin_message_id = $3 WHERE seq = $4",
      [
        merged.handoffMessageId ?? null,
        merged.handoffConversation ? toJson(merged.handoffConversation, "the handoff conversation") : null,
        merged.originMessageId ?? null,
        seq,
      ],
    );
    return (await this.load(seq))!;
  }

  async updateEscalationHandoff(id: string, handoff: unknown, at: string): Promise<EscalationRecord> {
    const { seq } = await this.lockEscalation(id);
    await this.q("UPDATE escalations SET handoff = $1, updated_at = $2 WHERE seq = $3", [
      toJson(handoff, "the escalation handoff"),
      at,
      seq,
    ]);
    return (await this.load(seq))!;
  }

  async listPendingDeliveries(at?: string): Promise<EscalationRecord[]> {
    if (at === undefined) {
      return this.toRecords(
        await this.q<EscalationRow>(
          "SELECT * FROM escalations WHERE handoff_message_id IS NULL AND status != 'resolved' ORDER BY seq",
        ),
      );
    }
    return this.toRecords(
      await this.q<EscalationRow>(
        `SELECT * FROM escalations WHERE handoff_message_id IS NULL AND status != 'resolved'
           AND (handoff_claimed_until IS NULL OR handoff_claimed_until <= $1) ORDER BY seq`,
        [isoTime(at, "the pending deliveries' time")],
      ),
    );
  }

  /** One conditional UPDATE: of two replicas claiming at once, PostgreSQL's row lock lets one change it. */
  async claimHandoffPost(id: string, at: string, until: string): Promise<boolean> {
    const seq = this.ids.parse(id);
    if (seq === undefined) throw notFound(id);
    const rows = await this.q<{ seq: number }>(
      `UPDATE escalations SET handoff_claimed_until = $1 WHERE seq = $2 AND handoff_message_id IS NULL
         AND (handoff_claimed_until IS NULL OR handoff_claimed_until <= $3) RETURNING seq`,
      [isoTime(until, "the handoff claim's end"), seq, isoTime(at, "the handoff claim's time")],
    );
    if (rows.length === 1) return true;
    // Nothing changed: posted or claimed, unless the id names no escalation at all.
    await this.lockEscalation(id);
    return false;
  }

  async releaseHandoffPost(id: string): Promise<void> {
    const { seq } = await this.lockEscalation(id);
    await this.q("UPDATE escalations SET handoff_claimed_until = NULL WHERE seq = $1 AND handoff_message_id IS NULL", [
      seq,
    ]);
  }

  async recordEvent(event: AnalyticsEvent): Promise<void> {
    await this.q(
      `INSERT INTO events (type, at, platform, conversation, user_id, playbook, confidence, step, action, text, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        event.type,
        isoTime(event.at, `${event.type} event time`),
        event.platform,
        event.conversation ?? null,
        event.user ?? null,
        event.playbook ?? null,
        event.confidence ?? null,
        event.step ?? null,
        event.action ?? null,
        event.text ?? null,
        event.data === undefined ? null : toJson(event.data, `${event.type} event data`),
      ],
    );
  }

  async listEvents(filter: { since?: string; until?: string; types?: AnalyticsEventType[] } = {}) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.since !== undefined) {
      params.push(isoTime(filter.since, "since"));
      where.push(`at >= $${params.length}`);
    }
    if (filter.until !== undefined) {
      params.push(isoTime(filter.until, "until"));
      where.push(`at < $${params.length}`);
    }
    if (filter.types) {
      if (filter.types.length === 0) return [];
      params.push(filter.types);
      where.push(`type = ANY($${params.length})`);
    }
    const sql = `SELECT * FROM events ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY at, id`;
    return (await this.q<EventRow>(sql, params)).map(rowToEvent);
  }

  async forgetTextBefore(before: string): Promise<{ events: number; sessions: number }> {
    const cutoff = isoTime(before, "retention cutoff");
    const events = await this.q(
      `UPDATE events SET
         text = NULL,
         data = CASE WHEN type = 'audit' AND data IS NOT NULL
           THEN (((data::jsonb #- '{input,text}') #- '{input,inputs}') - 'cards')::text ELSE data END
       WHERE at < $1 AND (text IS NOT NULL OR (type = 'audit' AND data IS NOT NULL AND
         (data::jsonb ? 'cards' OR data::jsonb #> '{input,text}' IS NOT NULL)))
       RETURNING id`,
      [cutoff],
    );
    const sessions = await this.q("DELETE FROM sessions WHERE updated_at < $1 RETURNING key", [cutoff]);
    return { events: events.length, sessions: sessions.length };
  }

  async claimEvent(eventId: string, at: string, prune: boolean): Promise<boolean> {
    const time = isoTime(at, "event time");
    const cutoff = new Date(Date.parse(time) - idempotencyTtlMs).toISOString();
    if (prune) await this.q("DELETE FROM processed_events WHERE at < $1", [cutoff]);
    // A replica claiming the same id at the same moment waits on the key, then finds it taken. An id
    // older than the TTL that was not pruned yet counts as new again.
    const rows = await this.q(
      `INSERT INTO processed_events (event_id, at) VALUES ($1, $2)
         ON CONFLICT (event_id) DO UPDATE SET at = EXCLUDED.at WHERE processed_events.at < $3 RETURNING event_id`,
      [eventId, time, cutoff],
    );
    return rows.length === 1;
  }

  private async load(seq: number): Promise<EscalationRecord | undefined> {
    const [row] = await this.q<EscalationRow>("SELECT * FROM escalations WHERE seq = $1", [seq]);
    return row ? this.toRecord(row) : undefined;
  }

  private async appendHistory(seq: number, position: number, entry: EscalationRecord["history"][number]) {
    await this.q(
      `INSERT INTO escalation_history (escalation_seq, position, from_status, to_status, by_actor, at, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [seq, position, entry.from, entry.to, toJson(entry.by, "the actor"), entry.at, entry.note ?? null],
    );
  }

  private async toRecord(row: EscalationRow): Promise<EscalationRecord> {
    const history = await this.q<HistoryRow>(
      "SELECT * FROM escalation_history WHERE escalation_seq = $1 ORDER BY position",
      [row.seq],
    );
    return rowToEscalation(row, history, this.ids);
  }

  /** One query for the history of a whole list, not one per escalation. */
  private async toRecords(rows: EscalationRow[]): Promise<EscalationRecord[]> {
    if (rows.length === 0) return [];
    const history = await this.q<HistoryRow & { escalation_seq: number }>(
      "SELECT * FROM escalation_history WHERE escalation_seq = ANY($1) ORDER BY escalation_seq, position",
      [rows.map((r) => r.seq)],
    );
    const bySeq = new Map<number, HistoryRow[]>();
    for (const h of history) bySeq.set(h.escalation_seq, [...(bySeq.get(h.escalation_seq) ?? []), h]);
    return rows.map((row) => rowToEscalation(row, bySeq.get(row.seq) ?? [], this.ids));
  }
}

function notFound(id: string): BotError {
  return new BotError(
    `There is no escalation ${id} in this database. Escalation ids look like ESC-KQTR-0001.`,
    "not_found",
  );
}
