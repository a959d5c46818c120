import type { Platform } from "../core/bot-event.ts";
import { isoTime, toJson } from "./iso-time.ts";
import type { Prepare } from "./statement-cache.ts";
import type { AnalyticsEvent, AnalyticsEventType } from "./store.ts";

export interface EventRow {
  type: AnalyticsEventType;
  at: string;
  platform: Platform;
  conversation: string | null;
  user_id: string | null;
  playbook: string | null;
  confidence: number | null;
  step: string | null;
  action: string | null;
  text: string | null;
  data: string | null;
}

/** The analytics half of SqliteStore: an append-only log the report reads. */
export class SqliteEvents {
  constructor(private readonly sql: Prepare) {}

  record(event: AnalyticsEvent): void {
    this.sql(
      `INSERT INTO events (type, at, platform, conversation, user_id, playbook, confidence, step, action, text, data)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
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
    );
  }

  /** Insertion order breaks ties between events of the same millisecond. */
  list(filter: { since?: string; until?: string; types?: AnalyticsEventType[] } = {}): AnalyticsEvent[] {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.since !== undefined) {
      where.push("at >= ?");
      params.push(isoTime(filter.since, "since"));
    }
    if (filter.until !== undefined) {
      where.push("at < ?");
      params.push(isoTime(filter.until, "until"));
    }
    if (filter.types) {
      if (filter.types.length === 0) return [];
      where.push(`type IN (${filter.types.map(() => "?").join(", ")})`);
      params.push(...filter.types);
    }
    const sql = `SELECT * FROM events ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY at, id`;
    return (this.sql(sql).all(...params) as EventRow[]).map(rowToEvent);
  }
}

export function rowToEvent(row: EventRow): AnalyticsEvent {
  const event: AnalyticsEvent = { type: row.type, at: row.at, platform: row.platform };
  if (row.conversation !== null) event.conversation = row.conversation;
  if (row.user_id !== null) event.user = row.user_id;
  if (row.playbook !== null) event.playbook = row.playbook;
  if (row.confidence !== null) event.confidence = row.confidence;
  if (row.step !== null) event.step = row.step;
  if (row.action !== null) event.action = row.action;
  if (row.text !== null) event.text = row.text;
  if (row.data !== null) event.data = JSON.parse(row.data) as unknown;
  return event;
}
