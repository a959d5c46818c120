import { BotError } from "../core/bot-error.ts";
import type { ConversationRef } from "../core/bot-event.ts";
import type { Logger } from "../core/logger.ts";
import type { Store } from "../store/store.ts";
import { emptySession, type SessionState, SessionStateSchema, sessionKey } from "./session-state.ts";
import type { WrittenSessions } from "./written-sessions.ts";

/** Thrown when the thread's session changed between read and write; the engine decides the turn again. */
export class SessionConflict extends Error {}

export interface LoadedSession {
  key: string;
  state: SessionState;
  revision: number | null;
  /** JSON as read, to skip writes when nothing changed. */
  json: string | null;
}

export async function loadSession(
  store: Store,
  conversation: ConversationRef,
  log: Logger,
  written?: WrittenSessions,
): Promise<LoadedSession> {
  const key = sessionKey(conversation);
  const stored = await store.getSession(key);
  if (!stored) return { key, state: emptySession(conversation), revision: null, json: null };
  // The store parsed the document afresh for this read, so no other turn holds this object.
  const text = written ? JSON.stringify(stored.state) : undefined;
  const parsed =
    text !== undefined && written?.wrote(key, text)
      ? { success: true as const, data: stored.state as SessionState }
      : SessionStateSchema.safeParse(stored.state);
  if (parsed.success) {
    // The permalink may arrive later than the first event (Slack gives it on the first reply).
    const state = conversation.permalink
      ? { ...parsed.data, conversation: { ...parsed.data.conversation, permalink: conversation.permalink } }
      : parsed.data;
    const json = parsed.data === stored.state && text !== undefined ? text : JSON.stringify(parsed.data);
    return { key, state, revision: stored.revision, json };
  }
  // A document this build cannot read (older format, hand-edited) must not lock the thread: start clean.
  log.warn("session state unreadable; starting a new session", { key, issues: parsed.error.issues.length });
  return { key, state: emptySession(conversation), revision: stored.revision, json: null };
}

export async function saveSession(
  store: Store,
  loaded: LoadedSession,
  state: SessionState,
  at: string,
  written?: WrittenSessions,
): Promise<void> {
  if (loaded.json !== null && JSON.stringify(state) === loaded.json) return;
  try {
    const saved = await store.saveSession(loaded.key, state, loaded.revision, at);
    // As the store gives it back (PostgreSQL's jsonb orders keys its own way), so the next read matches.
    written?.remember(loaded.key, JSON.stringify(saved.state));
  } catch (error) {
    if (error instanceof BotError && error.code === "conflict") throw new SessionConflict(error.message);
    throw error;
  }
}
