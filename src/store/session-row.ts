import { BotError } from "../core/bot-error.ts";
import type { SessionRecord } from "./store.ts";

/** Column shapes of the sessions table (migration 1), the same in both engines. */
export interface SessionRow {
  key: string;
  state: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

export function toSession(row: SessionRow): SessionRecord {
  return {
    key: row.key,
    state: JSON.parse(row.state) as unknown,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function sessionConflict(key: string, stored: number | null, expected: number | null): BotError {
  const message =
    stored === null
      ? `Session ${key} no longer exists (expected revision ${expected}); it was deleted meanwhile.`
      : expected === null
        ? `Session ${key} already exists (revision ${stored}); read it and save with its revision.`
        : `Session ${key} was changed meanwhile (now revision ${stored}, expected ${expected}); re-read it and apply the step again.`;
  return new BotError(message, "conflict");
}
