import type { Actor, ConversationRef, Platform } from "../core/bot-event.ts";
import type { ReplyBody } from "./reply-body.ts";

/**
 * Everything cpbot keeps between restarts: walkthrough sessions, escalations, analytics events and the
 * event ids already handled. The engine codes against this interface only; SQLite is the embedded
 * default and a server database would implement the same methods and pass the same contract suite
 * (test/store/store-contract.ts).
 *
 * Every method is asynchronous, so a server database (PostgreSQL, over a connection pool) implements
 * the same contract as the embedded SQLite file. A transaction hands its function a transaction-scoped
 * Store: PostgreSQL runs it on one connection, SQLite serialises transactions in the process.
 * Timestamps are ISO strings supplied by the caller (the engine's injectable clock): a store never reads
 * the system clock, so tests are deterministic.
 */
export interface Store {
  // ── sessions: one per thread ──────────────────────────────────────────────────────────────────────

  /** The session stored under `key` (e.g. "slack:C123:1700.1"), or undefined when there is none. */
  getSession(key: string): Promise<SessionRecord | undefined>;

  /**
   * Writes the engine's JSON state for `key` with optimistic concurrency. `expectedRevision` is the
   * revision the caller read (null: the caller believes no session exists yet). On success the revision
   * increments by one (a new session starts at 1). Throws BotError code "conflict" when the stored
   * revision differs, so two people pressing buttons at once never silently lose a step: re-read, retry.
   */
  saveSession(key: string, state: unknown, expectedRevision: number | null, at: string): Promise<SessionRecord>;

  /** Removes the session for `key`; true when one existed. */
  deleteSession(key: string): Promise<boolean>;

  // ── escalations ───────────────────────────────────────────────────────────────────────────────────

  /**
   * Stores a new escalation with status "open", or returns the one already stored under
   * `input.idempotencyKey` with `created: false` (double click, retried request, restart mid-way).
   */
  createEscalation(input: NewEscalation): Promise<{ escalation: EscalationRecord; created: boolean }>;

  /** The escalation with this id (e.g. "ESC-0001"), or undefined. */
  getEscalation(id: string): Promise<EscalationRecord | undefined>;

  /** The escalation created under this idempotency key, or undefined. */
  getEscalationByKey(idempotencyKey: string): Promise<EscalationRecord | undefined>;

  /** Escalations, oldest first, optionally only those in the given statuses; also by session. */
  listEscalations(filter?: { status?: EscalationStatus[]; sessionKey?: string }): Promise<EscalationRecord[]>;

  /**
   * Moves an escalation along its lifecycle and appends the change (who, when, note) to its history in
   * one transaction. Allowed: open→claimed|need-info|resolved, claimed→need-info|resolved|open,
   * need-info→open|claimed|resolved, resolved→open. Repeating the current state by the same person
   * (a double click) returns the record unchanged; any other disallowed move throws BotError
   * "invalid_input"; an unknown id throws "not_found".
   */
  transitionEscalation(id: string, change: EscalationTransition): Promise<EscalationRecord>;

  /**
   * Records where the handoff was posted (and the origin-thread notice), merging with what is stored.
   * Once `handoffMessageId` is set the escalation leaves `listPendingDeliveries()`.
   */
  setEscalationDelivery(id: string, delivery: EscalationDelivery): Promise<EscalationRecord>;

  /**
   * Replaces the handoff JSON (evidence given after the escalation opened); status and history are
   * untouched. Throws BotError "not_found" for an unknown id.
   */
  updateEscalationHandoff(id: string, handoff: unknown, at: string): Promise<EscalationRecord>;

  /**
   * Escalations stored whose handoff was never posted (failed post, crash): deliver these on start-up.
   * With `at`, those another caller is posting right now (an unexpired `claimHandoffPost`) are left out.
   */
  listPendingDeliveries(at?: string): Promise<EscalationRecord[]>;

  /**
   * Takes the right to post an escalation's handoff until `until`: false when it is posted already or
   * someone (this replica or another) holds a claim that has not passed `at`. Without it, a replica's
   * retry sweep posts a handoff a second time while the replica that opened it is still posting it.
   */
  claimHandoffPost(id: string, at: string, until: string): Promise<boolean>;

  /** Gives a claim up after a failed post, so the next sweep retries it at once, not when it expires. */
  releaseHandoffPost(id: string): Promise<void>;

  // ── analytics ─────────────────────────────────────────────────────────────────────────────────────

  /** Appends one analytics event. */
  recordEvent(event: AnalyticsEvent): Promise<void>;

  /** Events in time order; `since` inclusive, `until` exclusive, `types` restricts by type. */
  listEvents(filter?: { since?: string; until?: string; types?: AnalyticsEventType[] }): Promise<AnalyticsEvent[]>;

  // ── idempotency keys ──────────────────────────────────────────────────────────────────────────────

  /**
   * True the first time `eventId` is seen, false for a repeat (a platform retry). Keys older than
   * `idempotencyTtlMs` (24 h) before `at` are pruned on the way, so the table stays small, at most once
   * a minute, together with the reply bodies no row needs any more (see enqueueDelivery).
   */
  claimEvent(eventId: string, at: string): Promise<boolean>;

  // ── retention ─────────────────────────────────────────────────────────────────────────────────────

  /**
   * Forgets what people wrote before `before` (RETAIN_QUESTIONS_DAYS): the text of analytics and audit
   * events is cleared (the events stay, so every count in `cpbot report` is unchanged; an audit record
   * keeps its digest), and the sessions of threads idle since then are deleted (their state holds the
   * dialogue). Escalations are kept whole: they are Support's case records. Returns how many of each.
   */
  forgetTextBefore(before: string): Promise<{ events: number; sessions: number }>;

  /**
   * Gives the space of deleted and rewritten rows back to the file system and refreshes the planner's
   * statistics: SQLite VACUUM, PostgreSQL VACUUM ANALYZE. Runs outside any transaction.
   */
  vacuum(): Promise<void>;

  // ── outbox: replies decided, until delivered ──────────────────────────────────────────────────────

  /**
   * Queues a decided reply. Called inside the transaction that claims the event and saves the decision,
   * so "handled" and "answer queued" commit together. With `lease` the caller delivers it first itself
   * (nobody else takes the row until the lease ends); without, the next sweep does. The reply's JSON is
   * stored once per distinct text (by its SHA-256, in reply_bodies) and the row names it: a repeated
   * answer writes only its row. Bodies no waiting row names are purged an hour after their last use, once
   * a minute with the expired event ids (see claimEvent).
   */
  enqueueDelivery(input: NewDelivery): Promise<DeliveryRecord>;

  /**
   * Leases up to `limit` pending deliveries that are due at `at` (next attempt reached, no live lease) to
   * `by` until `leaseUntil`, counting the attempt. Rows locked by another replica's take are skipped
   * (PostgreSQL: FOR UPDATE SKIP LOCKED), so two replicas never take one row.
   */
  takeDueDeliveries(take: DeliveryTake): Promise<DeliveryRecord[]>;

  /**
   * Replaces the reply of a row `by` holds (cards added after the decision); false when it does not hold it.
   * `at` (now) marks the new reply's stored body as in use (see enqueueDelivery).
   */
  updateDeliveryReply(id: string, by: string, reply: unknown, at: string): Promise<boolean>;

  /**
   * Extends the lease `by` holds on a pending row to `until`, while a slow delivery is still under way (so
   * no replica, this one's own sweep included, takes it and posts it a second time); false when the row is
   * no longer `by`'s (another replica took it after the lease ran out) or no longer pending.
   */
  renewDeliveryLease(id: string, by: string, until: string): Promise<boolean>;

  /**
   * Marks a row `by` holds delivered and drops its reply (it was sent; the audit log keeps the answer's
   * cards and digest), so a delivered row keeps no message text; false when its lease went to someone else
   * meanwhile.
   */
  completeDelivery(id: string, by: string, at: string): Promise<boolean>;

  /**
   * completeDelivery for many rows in one statement (the marks of replies sent in their acknowledgements,
   * gathered for a few milliseconds): each row `by` still holds is marked delivered at `at` and loses its
   * reply; rows it no longer holds, or that are not pending, are left as they are. Returns how many were marked.
   */
  completeDeliveries(ids: readonly string[], by: string, at: string): Promise<number>;

  /** Ends a failed attempt: pending again from `retryAt`, or "dead" (given up) when `retryAt` is absent. */
  failDelivery(id: string, failure: DeliveryFailure): Promise<boolean>;

  /** The delivery with this id, or undefined. */
  getDelivery(id: string): Promise<DeliveryRecord | undefined>;

  /** How many rows are in each state (metrics, tests). */
  countDeliveries(): Promise<Record<DeliveryStatus, number>>;

  // ── plumbing ──────────────────────────────────────────────────────────────────────────────────────

  /**
   * Runs `fn` so that all its writes commit together or not at all (a rejection rolls back). `fn` gets a
   * transaction-scoped Store (the handle) and must do all its reads and writes through it: a call on the
   * outer store is another caller's, outside the transaction (SQLite makes it wait until the transaction
   * ends, so from inside `fn` it would wait for itself). The handle is passed explicitly rather than found
   * through AsyncLocalStorage, which would switch on promise hooks for the whole process. Nested calls on
   * the handle become savepoints; once the transaction has ended the handle acts as the outer store. Run one step at a time inside (no Promise.all over `tx`): a
   * transaction is one connection doing one thing at a time. A server database may run `fn` again after a
   * transient failure (serialization failure, deadlock, lost connection) that rolled everything back, so
   * `fn` must only touch the database: post messages after the transaction, never inside it.
   */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;

  /**
   * Resolves when the database answers a trivial query; rejects with BotError "store_unavailable" when it
   * cannot be reached (PostgreSQL down, the SQLite file deleted or replaced). For readiness probes and for
   * deciding, before taking a request, whether it can be handled now.
   */
  ping(): Promise<void>;

  /** Releases the database; further calls reject. Safe to call twice. */
  close(): Promise<void>;
}

/** How long an event id is remembered: platforms retry within minutes, a day is generous. */
export const idempotencyTtlMs = 24 * 60 * 60 * 1000;

export interface SessionRecord {
  key: string;
  /** The engine's JSON document; the store never looks inside. */
  state: unknown;
  /** 1 after the first save, +1 on every save. */
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export type EscalationStatus = "open" | "claimed" | "need-info" | "resolved";

export interface NewEscalation {
  /** One per walkthrough/request, e.g. "esc:slack:C123:1700.1:2"; a repeat returns the existing row. */
  idempotencyKey: string;
  sessionKey: string;
  playbook?: string;
  playbookVersion?: number;
  requester: Actor;
  origin: ConversationRef;
  note?: string;
  /** JSON: steps done/skipped, inputs, tool results, evidence. */
  handoff: unknown;
  at: string;
}

export interface EscalationTransition {
  to: EscalationStatus;
  by: Actor;
  at: string;
  note?: string;
}

export interface EscalationHistoryEntry {
  /** null for the creation entry. */
  from: EscalationStatus | null;
  to: EscalationStatus;
  by: Actor;
  at: string;
  note?: string;
}

export interface EscalationDelivery {
  /** Platform id of the handoff message in the escalation channel. */
  handoffMessageId?: string;
  handoffConversation?: ConversationRef;
  /** Platform id of the notice posted in the requester's thread. */
  originMessageId?: string;
}

export interface EscalationRecord {
  /** Short and human-readable, "ESC-0001", unique per store. */
  id: string;
  idempotencyKey: string;
  sessionKey: string;
  playbook?: string;
  playbookVersion?: number;
  requester: Actor;
  origin: ConversationRef;
  note?: string;
  handoff: unknown;
  status: EscalationStatus;
  /** Who holds it while claimed; cleared when it goes back to open. */
  claimedBy?: Actor;
  /** Creation first, then every transition. */
  history: EscalationHistoryEntry[];
  delivery: EscalationDelivery;
  createdAt: string;
  updatedAt: string;
}

export type AnalyticsEventType =
  | "question"
  | "match"
  | "abstain"
  | "ambiguous"
  | "unknown-code"
  | "walkthrough-start"
  | "step"
  | "walkthrough-complete"
  | "resolved"
  | "not-resolved"
  | "escalation"
  /** "Did this help?" answered on a first answer (walkthrough ends record resolved / not-resolved). */
  | "feedback"
  /** An append-only audit record (an answered turn, an escalation change, start-up settings): see src/audit. */
  | "audit";

export interface AnalyticsEvent {
  type: AnalyticsEventType;
  at: string;
  platform: Platform;
  /** Session key of the thread, so a walkthrough's events can be grouped. */
  conversation?: string;
  user?: string;
  playbook?: string;
  /** Matcher confidence 0..1 for match / ambiguous. */
  confidence?: number;
  /** Step id for step events (and where a walkthrough stood). */
  step?: string;
  /** What happened at the step: done, skip, back, choose, submit. */
  action?: string;
  /** The question text for question / abstain / ambiguous / unknown-code / match. */
  text?: string;
  data?: unknown;
}

export type DeliveryStatus = "pending" | "delivered" | "dead";

export interface NewDelivery {
  /** Unique; the caller makes it (a random UUID). */
  id: string;
  /** The event it answers, for logs and audits. */
  eventId?: string;
  platform: Platform;
  /** Where the reply goes, in the adapter's own JSON (thread, response_url, conversation reference). */
  target: unknown;
  /** What to deliver: the engine's reply (cards, mode, visibility). */
  reply: unknown;
  /**
   * `replyBody(reply)` made beforehand (or of a reply equal to it), when the caller keeps it: a shared
   * card's is made once (src/engine/stored-reply-body.ts). Without it the store serialises and hashes `reply`.
   */
  body?: ReplyBody;
  at: string;
  /** Held by the caller until this time, for delivering it at once. */
  lease?: { by: string; until: string };
}

export interface DeliveryTake {
  at: string;
  by: string;
  leaseUntil: string;
  limit: number;
  /** Only rows for these platforms (the ones this replica runs). */
  platforms: Platform[];
}

export interface DeliveryFailure {
  by: string;
  at: string;
  error: string;
  /** Messages of the reply already delivered, so a retry does not post them twice. */
  progress: number;
  /** When to try again; absent: give up (the row becomes "dead"). */
  retryAt?: string;
}

export interface DeliveryRecord {
  id: string;
  eventId?: string;
  platform: Platform;
  target: unknown;
  /** What to deliver; null once delivered (see completeDelivery). */
  reply: unknown;
  status: DeliveryStatus;
  /** Attempts started, the one in progress included. */
  attempts: number;
  progress: number;
  nextAttemptAt: string;
  lockedUntil?: string;
  lockedBy?: string;
  lastError?: string;
  createdAt: string;
  finishedAt?: string;
}
