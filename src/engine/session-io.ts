import { BotError } from "../core/bot-error.ts";
import type { ConversationRef } from "../core/bot-event.ts";
import type { Logger } from "../core/logger.ts";
import type { Store } from "../store/store.ts";
import { emptySession, type SessionState, SessionStateSchema, sessionKey } from "./session-state.ts";

/** Thrown when the thread's session changed between read and write; the engine decides the turn again. */
export class SessionConflict extends Error {}

export interface LoadedSession {
  key: string;
  state: SessionState;
  revision: number | null;
  /** JSON as read, to skip writes when nothing changed. */
  json: string | null;
}

export async function loadSession(store: Store, conversation: ConversationRef, log: Logger): Promise<LoadedSession> {
  const key = sessionKey(conversation);
  const stored = await store.getSession(key);
  if (!stored) return { key, state: emptySession(conversation), revision: null, json: null };
  const parsed = SessionStateSchema.safeParse(stored.state);
  if (parsed.success) {
    // The permalink may arrive later than the first event (Slack gives it on the first reply).
    const state = conversation.permalink
      ? { ...parsed.data, conversation: { ...parsed.data.conversation, permalink: conversation.permalink } }
      : parsed.data;
    return { key, state, revision: stored.revision, json: JSON.stringify(parsed.data) };
  }
  // A document this build cannot read (older format, hand-edited) must not lock the thread: start clean.
  log.warn("session state unreadable; starting a new session", { key, issues: parsed.error.issues.length });
  return { key, state: emptySession(conversation), revision: stored.revision, json: null };
}

export async function saveSession(store: Store, loaded: LoadedSession, state: SessionState, at: string): Promise<void> {
  if (loaded.json !== null && JSON.stringify(state) === loaded.json) return;
  try {
    await store.saveSession(loaded.key, state, loaded.revision, at);
  } catch (error) {
    if (error instanceof BotError && error.code === "conflict") throw new SessionConflict(error.message);
    throw error;
  }
}
