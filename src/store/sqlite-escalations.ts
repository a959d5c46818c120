import { BotError } from "../core/bot-error.ts";
import type { EscalationIds } from "./escalation-ids.ts";
import { checkTransition, claimedByAfter } from "./escalation-lifecycle.ts";
import { type EscalationRow, type HistoryRow, rowToEscalation, withoutUndefined } from "./escalation-row.ts";
import { isoTime, toJson } from "./iso-time.ts";
import type { Prepare } from "./statement-cache.ts";
import type {
  EscalationDelivery,
  EscalationHistoryEntry,
  EscalationRecord,
  EscalationStatus,
  EscalationTransition,
  NewEscalation,
} from "./store.ts";

/**
 * The escalation half of SqliteStore. Every method that writes runs inside `transaction` (the store's
 * BEGIN IMMEDIATE / savepoint wrapper), so the row and its history entry land together or not at all.
 */
export class SqliteEscalations {
  constructor(
    private readonly sql: Prepare,
    private readonly transaction: <T>(fn: () => T) => T,
    private readonly ids: EscalationIds,
  ) {}

  create(input: NewEscalation): { escalation: EscalationRecord; created: boolean } {
    const at = isoTime(input.at, "escalation time");
    const handoff = toJson(input.handoff, "the escalation handoff");
    return this.transaction(() => {
      const existing = this.getByKey(input.idempotencyKey);
      if (existing) return { escalation: existing, created: false };
      const { lastInsertRowid } = this.sql(
        `INSERT INTO escalations (idempotency_key, session_key, playbook, playbook_version, requester, origin,
             note, handoff, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
      ).run(
        input.idempotencyKey,
        input.sessionKey,
        input.playbook ?? null,
        input.playbookVersion ?? null,
        toJson(input.requester, "the requester"),
        toJson(input.origin, "the origin conversation"),
        input.note ?? null,
        handoff,
        at,
        at,
      );
      const seq = Number(lastInsertRowid);
      this.appendHistory(seq, 0, { from: null, to: "open", by: input.requester, at, note: input.note });
      return { escalation: this.load(seq)!, created: true };
    });
  }

  get(id: string): EscalationRecord | undefined {
    const seq = this.ids.parse(id);
    return seq === undefined ? undefined : this.load(seq);
  }

  getByKey(idempotencyKey: string): EscalationRecord | undefined {
    const row = this.sql("SELECT * FROM escalations WHERE idempotency_key = ?").get(idempotencyKey);
    return row ? this.toRecord(row as EscalationRow) : undefined;
  }

  list(filter: { status?: EscalationStatus[]; sessionKey?: string } = {}): EscalationRecord[] {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.status) {
      // An empty status list asks for nothing, not for everything.
      if (filter.status.length === 0) return [];
      where.push(`status IN (${filter.status.map(() => "?").join(", ")})`);
      params.push(...filter.status);
    }
    if (filter.sessionKey !== undefined) {
      where.push("session_key = ?");
      params.push(filter.sessionKey);
    }
    const sql = `SELECT * FROM escalations ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY seq`;
    return (this.sql(sql).all(...params) as EscalationRow[]).map((row) => this.toRecord(row));
  }

  transition(id: string, change: EscalationTransition): EscalationRecord {
    const at = isoTime(change.at, "transition time");
    return this.transaction(() => {
      const record = this.get(id);
      if (!record) throw notFound(id);
      if (checkTransition(record, change) === "noop") return record;
      const seq = this.ids.parse(record.id)!;
      const claimedBy = claimedByAfter(record, change);
      this.sql("UPDATE escalations SET status = ?, claimed_by = ?, updated_at = ? WHERE seq = ?").run(
        change.to,
        claimedBy ? toJson(claimedBy, "the claimer") : null,
        at,
        seq,
      );
      const entry = { from: record.status, to: change.to, by: change.by, at, note: change.note };
      this.appendHistory(seq, record.history.length, entry);
      return this.load(seq)!;
    });
  }

  setDelivery(id: string, delivery: EscalationDelivery): EscalationRecord {
    return this.transaction(() => {
      const { seq, record } = this.found(id);
      // Merge: the origin notice and the handoff post are reported separately, by different code paths.
      const merged = { ...record.delivery, ...withoutUndefined(delivery) };
      this.sql(
        "UPDATE escalations SET handoff_message_id = ?, handoff_conversation = ?, origin_message_id = ? WHERE seq = ?",
      ).run(
        merged.handoffMessageId ?? null,
        merged.handoffConversation ? toJson(merged.handoffConversation, "the handoff conversation") : null,
        merged.originMessageId ?? null,
        seq,
      );
      return this.load(seq)!;
    });
  }

  setHandoff(id: string, handoff: unknown, at: string): EscalationRecord {
    return this.transaction(() => {
      const { seq } = this.found(id);
      this.sql("UPDATE escalations SET handoff = ?, updated_at = ? WHERE seq = ?").run(
        toJson(handoff, "the escalation handoff"),
        at,
        seq,
      );
      return this.load(seq)!;
    });
  }

  /** Resolved ones are left out: someone dealt with them, even if the handoff post never made it. */
  listPending(at?: string): EscalationRecord[] {
    const rows = (
      at === undefined
        ? this.sql(
            "SELECT * FROM escalations WHERE handoff_message_id IS NULL AND status != 'resolved' ORDER BY seq",
          ).all()
        : this.sql(
            `SELECT * FROM escalations WHERE handoff_message_id IS NULL AND status != 'resolved'
               AND (handoff_claimed_until IS NULL OR handoff_claimed_until <= ?) ORDER BY seq`,
          ).all(isoTime(at, "the pending deliveries' time"))
    ) as EscalationRow[];
    return rows.map((row) => this.toRecord(row));
  }

  /** One UPDATE that only succeeds on an unposted row with no live claim: two callers cannot both win. */
  claimHandoffPost(id: string, at: string, until: string): boolean {
    const seq = this.found(id).seq;
    const changed = this.sql(
      `UPDATE escalations SET handoff_claimed_until = ? WHERE seq = ? AND handoff_message_id IS NULL
         AND (handoff_claimed_until IS NULL OR handoff_claimed_until <= ?)`,
    ).run(isoTime(until, "the handoff claim's end"), seq, isoTime(at, "the handoff claim's time")).changes;
    return changed === 1;
  }

  releaseHandoffPost(id: string): void {
    const seq = this.found(id).seq;
    this.sql("UPDATE escalations SET handoff_claimed_until = NULL WHERE seq = ? AND handoff_message_id IS NULL").run(
      seq,
    );
  }

  /** The stored escalation and its sequence number; not_found for an id this database never gave. */
  private found(id: string): { seq: number; record: EscalationRecord } {
    const seq = this.ids.parse(id);
    const record = seq === undefined ? undefined : this.load(seq);
    if (!record || seq === undefined) throw notFound(id);
    return { seq, record };
  }

  private load(seq: number): EscalationRecord | undefined {
    const row = this.sql("SELECT * FROM escalations WHERE seq = ?").get(seq);
    return row ? this.toRecord(row as EscalationRow) : undefined;
  }

  private appendHistory(seq: number, position: number, entry: EscalationHistoryEntry): void {
    this.sql(
      `INSERT INTO escalation_history (escalation_seq, position, from_status, to_status, by_actor, at, note)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(seq, position, entry.from, entry.to, toJson(entry.by, "the actor"), entry.at, entry.note ?? null);
  }

  private toRecord(row: EscalationRow): EscalationRecord {
    const history = this.sql("SELECT * FROM escalation_history WHERE escalation_seq = ? ORDER BY position").all(
      row.seq,
    ) as HistoryRow[];
    return rowToEscalation(row, history, this.ids);
  }
}

function notFound(id: string): BotError {
  return new BotError(
    `There is no escalation ${id} in this database. Escalation ids look like ESC-KQTR-0001.`,
    "not_found",
  );
}
