import type { Platform } from "../core/bot-event.ts";
import { isoTime, toJson } from "./iso-time.ts";
import type { ReplyBody } from "./reply-body.ts";
import type { DeliveryFailure, DeliveryRecord, DeliveryStatus, NewDelivery } from "./store.ts";

/**
 * Column shapes of the outbox table (migration 3), read with its reply body joined (migration 5): target,
 * reply and body are JSON text. A row queued since version 5 names its body by `reply_digest` (its own
 * `reply` is 'null'); an older row keeps its reply inline and has no digest.
 */
export interface OutboxRow {
  id: string;
  event_id: string | null;
  platform: Platform;
  target: string;
  reply: string;
  reply_digest: string | null;
  /** reply_bodies.body of reply_digest (LEFT JOIN), null when the row names none. */
  body: string | null;
  status: DeliveryStatus;
  attempts: number;
  progress: number;
  next_attempt_at: string;
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export function rowToDelivery(row: OutboxRow): DeliveryRecord {
  const record: DeliveryRecord = {
    id: row.id,
    platform: row.platform,
    target: JSON.parse(row.target) as unknown,
    reply: JSON.parse(row.body ?? row.reply) as unknown,
    status: row.status,
    attempts: row.attempts,
    progress: row.progress,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
  };
  if (row.event_id !== null) record.eventId = row.event_id;
  if (row.locked_until !== null) record.lockedUntil = row.locked_until;
  if (row.locked_by !== null) record.lockedBy = row.locked_by;
  if (row.last_error !== null) record.lastError = row.last_error;
  if (row.finished_at !== null) record.finishedAt = row.finished_at;
  return record;
}

/**
 * The insert's values, in column order (id, event_id, platform, target, reply_digest, attempts,
 * next_attempt_at, locked_until, locked_by, created_at), checked before anything is written; the body goes
 * to reply_bodies.
 */
export function newDeliveryValues(input: NewDelivery, body: ReplyBody): unknown[] {
  const at = isoTime(input.at, "delivery time");
  return [
    input.id,
    input.eventId ?? null,
    input.platform,
    toJson(input.target, "the delivery target"),
    body.digest,
    input.lease ? 1 : 0,
    at,
    input.lease ? isoTime(input.lease.until, "lease end") : null,
    input.lease?.by ?? null,
    at,
  ];
}

/**
 * The record of a row just inserted with `values` (from newDeliveryValues): what a read would return,
 * except that target and reply are the caller's own objects rather than copies parsed from the JSON.
 */
export function newDeliveryRecord(input: NewDelivery, values: readonly unknown[]): DeliveryRecord {
  const at = values[6] as string;
  const record: DeliveryRecord = {
    id: input.id,
    platform: input.platform,
    target: input.target ?? null,
    reply: input.reply ?? null,
    status: "pending",
    attempts: values[5] as number,
    progress: 0,
    nextAttemptAt: at,
    createdAt: at,
  };
  if (input.eventId !== undefined) record.eventId = input.eventId;
  if (input.lease) {
    record.lockedUntil = values[7] as string;
    record.lockedBy = input.lease.by;
  }
  return record;
}

/** The failure's values: status, next attempt, error (cut: a log line, not a dump), progress. */
export function failureValues(failure: DeliveryFailure): {
  status: DeliveryStatus;
  next: string;
  error: string;
  finished: string | null;
} {
  const at = isoTime(failure.at, "failure time");
  const retry = failure.retryAt === undefined ? undefined : isoTime(failure.retryAt, "retry time");
  return {
    status: retry ? "pending" : "dead",
    next: retry ?? at,
    error: failure.error.slice(0, 500),
    finished: retry ? null : at,
  };
}

export const emptyCounts = (): Record<DeliveryStatus, number> => ({ pending: 0, delivered: 0, dead: 0 });
