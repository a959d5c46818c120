import type { Card } from "../cards/card-schema.ts";
import { BotError } from "../core/bot-error.ts";
import type { Actor, BotEvent, ConversationRef, Platform } from "../core/bot-event.ts";
import { maxUserTextChars } from "../core/clean-user-text.ts";
import { silentLogger } from "../core/logger.ts";
import type { EngineReply } from "../core/transport.ts";
import { errorCard } from "../render/error-card.ts";
import type { HomeModel } from "../render/home-model.ts";
import { infoCard } from "../render/info-card.ts";
import type { Store } from "../store/store.ts";
import { buildHome } from "./build-home.ts";
import { cleanEvent } from "./clean-event.ts";
import { commandContext } from "./command-context.ts";
import { parseCommand } from "./command-parser.ts";
import type { EngineDeps } from "./engine-deps.ts";
import { needsRole, type Role, roleOf } from "./escalation-access.ts";
import { sendDueReminders } from "./escalation-reminders.ts";
import { createEscalationService } from "./escalation-service.ts";
import { GatheredWrites } from "./gathered-writes.ts";
import { handleAction } from "./handle-action.ts";
import { handleCommand } from "./handle-command.ts";
import { handleMessage } from "./handle-message.ts";
import { type HandleOptions, queueReply } from "./queue-reply.ts";
import { RateLimiter } from "./rate-limiter.ts";
import { readOnlyStore, WriteNeeded } from "./read-only-store.ts";
import { type PlaybookHit, searchPlaybooks } from "./search-playbooks.ts";
import { type LoadedSession, loadSession, SessionConflict, saveSession } from "./session-io.ts";
import { sessionKey } from "./session-state.ts";
import { SessionTurns } from "./session-turns.ts";
import type { Turn, TurnReply } from "./turn.ts";
import { WrittenSessions } from "./written-sessions.ts";

export interface Engine {
  /** Answers one event. Never throws: a bad input or a bug becomes an error card. */
  handle(event: BotEvent, options?: HandleOptions): Promise<EngineReply>;
  /** Posts stored escalation handoffs that never reached the escalation channel (call at start-up). */
  retryPendingDeliveries(): Promise<void>;
  /** The person's home page (Slack App Home): read only. `command` is the slash command in use. */
  home(user: Actor, platform: Platform, command: string): Promise<HomeModel>;
  /** Playbooks and fault codes for a search box (Teams message extension): read only. */
  search(query: string): PlaybookHit[];
  /** Posts the escalation reminders due now (ESCALATION_REMIND_AFTER = `afterMs`); returns how many. */
  remindEscalations(afterMs: number): Promise<number>;
}

/** Errors that are the person's to fix: shown as they are. Anything else is our bug: logged, not shown. */
const userErrors = new Set([
  "unknown_command",
  "unknown_fault_code",
  "unknown_playbook",
  "invalid_input",
  "not_found",
  "conflict",
  "forbidden",
]);
const maxAttempts = 4;

/**
 * The platform-neutral brain. Adapters translate platform payloads into BotEvents and deliver the
 * EngineReply; everything else (sessions, walkthroughs, escalations, analytics) happens here.
 */
export function createEngine(deps: EngineDeps): Engine {
  const log = deps.logger ?? silentLogger;
  const escalations = createEscalationService(deps, log);
  // A hot reload swaps deps.registry; the command words follow the set that is serving.
  let ctxOf = deps.registry;
  let ctx = commandContext(ctxOf);
  const context = () => {
    if (deps.registry !== ctxOf) {
      ctxOf = deps.registry;
      ctx = commandContext(ctxOf);
    }
    return ctx;
  };
  const limiter = new RateLimiter(deps.config.rateLimitPerMinute ?? 0);
  // Sessions read back as this engine wrote them skip the schema parse (see written-sessions.ts).
  const written = new WrittenSessions();
  // One turn at a time per session in this process; a deferred turn holds its session until written.
  const turns = new SessionTurns();
  // Answered turns' writes cost less CPU run together than one by one between requests (gathered-writes.ts).
  const gathered = new GatheredWrites(deps.writeGatherMs);

  type Recorded = { delivery?: EngineReply["delivery"]; audited?: boolean; duplicate?: boolean };
  type Decided =
    | {
        turn: Turn;
        reply: TurnReply;
        delivery?: EngineReply["delivery"];
        audited?: boolean;
        /** Set for a deferred turn: its writes, made when the adapter settles it. */
        persist?: (sent: boolean) => Promise<Recorded>;
      }
    | "duplicate";

  function newTurn(
    event: BotEvent,
    at: string,
    role: Role,
    session: LoadedSession,
    store: Store,
    options: HandleOptions,
  ): Turn {
    return {
      deps: { ...deps, store },
      escalations,
      event,
      at,
      by: actor(event.user),
      key: session.key,
      state: session.state,
      events: [],
      later: [],
      visibility: "ephemeral",
      role,
      ...(options.onPostFailed ? { onPostFailed: options.onPostFailed } : {}),
    };
  }

  /**
   * Most turns only read (a question, a slash command, a button that shows something): they are decided
   * outside any transaction, and what they change (the thread's session, the analytics, the event-id
   * claim, the queued reply) is written in one short transaction afterwards. The session save checks
   * the revision read, so a thread changed in between is decided again. A turn that writes more (an
   * escalation) returns undefined at its first write and is decided again inside a transaction.
   */
  async function decideReading(
    event: BotEvent,
    at: string,
    role: Role,
    options: HandleOptions & { cut?: Card },
  ): Promise<Decided | undefined> {
    const session = await loadSession(deps.store, event.conversation, log, written);
    const turn = newTurn(event, at, role, session, readOnlyStore(deps.store), options);
    let reply: TurnReply;
    try {
      reply = await route(turn);
    } catch (error) {
      if (error instanceof WriteNeeded) return undefined;
      throw error;
    }
    turn.deps = { ...deps };
    if (options.deferWrites && turn.later.length === 0) {
      return { turn, reply, persist: (sent) => persist(event, at, session, turn, reply, options, sent) };
    }
    return deps.store.transaction(async (tx) => {
      if (!(await tx.claimEvent(event.eventId, at))) return "duplicate" as const;
      await saveSession(tx, session, turn.state, at, written);
      return { turn, reply, ...(await record(tx, event, turn, reply, options)) };
    });
  }

  /**
   * The deciding part of a turn that writes, in one transaction: claim the event id, decide, save,
   * record. The turn's handlers see the transaction as `turn.deps.store`; nothing is posted until it
   * has committed.
   */
  function decideWriting(
    event: BotEvent,
    at: string,
    role: Role,
    options: HandleOptions & { cut?: Card },
  ): Promise<Decided> {
    return deps.store.transaction(async (tx) => {
      if (!(await tx.claimEvent(event.eventId, at))) return "duplicate" as const;
      const session = await loadSession(tx, event.conversation, log, written);
      const turn = newTurn(event, at, role, session, tx, options);
      const reply = await route(turn);
      await saveSession(tx, session, turn.state, at, written);
      return { turn, reply, ...(await record(tx, event, turn, reply, options)) };
    });
  }

  /**
   * A deferred turn's writes, after its answer went out: the same claim, session, analytics and audit
   * line a decided turn writes, in one transaction that joins the next group commit, and the outbox row
   * only when the answer did not reach the person (`sent` false) and must be retried through the outbox.
   */
  function persist(
    event: BotEvent,
    at: string,
    session: LoadedSession,
    turn: Turn,
    reply: TurnReply,
    options: HandleOptions & { cut?: Card },
    sent: boolean,
  ): Promise<Recorded> {
    return deps.store.transaction(async (tx) => {
      // A command is never sent twice by Slack; a replayed request was answered in its own response,
      // and is recorded once.
      if (!(await tx.claimEvent(event.eventId, at))) return { duplicate: true };
      try {
        await saveSession(tx, session, turn.state, at, written);
      } catch (error) {
        if (!(error instanceof SessionConflict)) throw error;
        // Another replica wrote the thread after this answer was read (this process holds the session
        // meanwhile, see SessionTurns). The answer is out, so its session is the one the person last saw.
        log.warn("session changed elsewhere while a deferred answer was written; keeping the answer's", {
          key: session.key,
        });
        const latest = await loadSession(tx, event.conversation, log, written);
        await saveSession(tx, { ...latest, json: null }, turn.state, at, written);
      }
      return record(tx, event, turn, reply, sent ? { ...options, replyTo: undefined } : options);
    });
  }

  /** The turn's analytics and, when the adapter wants it, its reply queued in the outbox. */
  async function record(
    tx: Store,
    event: BotEvent,
    turn: Turn,
    reply: TurnReply,
    options: HandleOptions & { cut?: Card },
  ): Promise<{ delivery?: EngineReply["delivery"]; audited?: boolean }> {
    for (const e of turn.events) await tx.recordEvent(e);
    const cards = [...reply.cards, ...(options.cut ? [options.cut] : [])];
    const answer = { cards, mode: reply.mode ?? "new", visibility: turn.visibility };
    // Cards added after the commit (turn.later) are not known yet: such a turn is audited afterwards.
    const audited = options.audit !== undefined && turn.later.length === 0;
    if (audited && options.audit) await tx.recordEvent(options.audit.record(answer));
    if (options.replyTo === undefined || !deps.outbox) return { audited };
    return {
      audited,
      delivery: await queueReply(tx, deps.outbox, event, options.replyTo, answer, deps.clock().toISOString()),
    };
  }

  async function decide(
    event: BotEvent,
    at: string,
    role: Role,
    options: HandleOptions & { cut?: Card },
  ): Promise<Decided> {
    const read = await decideReading(event, at, role, options);
    if (read) return read;
    // A turn that writes may open an escalation, whose handoff links back to the thread: the link is
    // asked of the platform now, before the transaction (never inside it, and never for a plain answer).
    const conversation = await linked(event.conversation);
    return decideWriting({ ...event, conversation }, at, role, options);
  }

  async function linked(conversation: ConversationRef): Promise<ConversationRef> {
    if (conversation.permalink || !deps.transport.link) return conversation;
    try {
      return await deps.transport.link(conversation);
    } catch (error) {
      log.warn("no permalink for the thread", { channel: conversation.channelId, error });
      return conversation;
    }
  }

  async function route(turn: Turn): Promise<TurnReply> {
    const { event } = turn;
    if (event.kind === "action") return handleAction(turn, event, context());
    if (event.kind === "message") return handleMessage(turn, event, context());
    const parsed = parseCommand(event.text, context());
    turn.visibility = parsed.visibility;
    return handleCommand(turn, parsed.command, context());
  }

  async function handle(received: BotEvent, options: HandleOptions = {}): Promise<EngineReply> {
    // The platform's own time when it gives one (a queued retry happened then), else the engine's clock.
    const given = received.at ? Date.parse(received.at) : Number.NaN;
    const at = (Number.isNaN(given) ? deps.clock() : new Date(given)).toISOString();
    const { platform, channelId } = received.conversation;
    const verdict = limiter.check(
      `${platform}:${received.user.id}`,
      `${platform}:${channelId}`,
      deps.clock().getTime(),
    );
    if (verdict !== "ok") return limited(received, verdict);
    const { event, cutFrom } = cleanEvent(received);
    const cut = cutFrom === undefined ? undefined : cutNotice(cutFrom);
    try {
      // Asked before the transaction: a transaction touches only the database (it may run again).
      const role = needsRole(event, context()) ? await roleOf(deps, event) : "member";
      const held = turns.acquire(sessionKey(event.conversation));
      const release = typeof held === "function" ? held : await held;
      let decided: Awaited<ReturnType<typeof decide>> | undefined;
      try {
        for (let attempt = 1; !decided; attempt++) {
          try {
            decided = await decide(event, at, role, { ...options, ...(cut ? { cut } : {}) });
          } catch (error) {
            // Someone else in the thread saved first (another process): read again and decide again.
            if (!(error instanceof SessionConflict) || attempt >= maxAttempts) throw error;
          }
        }
      } finally {
        // A deferred turn keeps its session until its writes are in (released by settle).
        if (decided === undefined || decided === "duplicate" || !decided.persist) release();
      }
      if (decided === "duplicate") return { cards: [], mode: "new", visibility: "ephemeral", duplicate: true };
      if (decided.persist) return deferred(event, decided.turn, decided.reply, decided.persist, release, options, cut);
      const { turn, reply, delivery, audited } = decided;
      // Committed: the audit record written with the decision is on disk.
      if (audited && options.audit) options.audit.written = true;
      const cards = [...reply.cards];
      const extra: Card[] = [];
      for (const task of turn.later) extra.push(...(await task()));
      cards.push(...extra, ...(cut ? [cut] : []));
      const answer: EngineReply = { cards, mode: reply.mode ?? "new", visibility: turn.visibility };
      // Cards added after the commit ("posted to #support") join the queued reply while we hold it.
      if (delivery && extra.length > 0)
        await deps.store.updateDeliveryReply(delivery.id, ownerOf(deps), answer, deps.clock().toISOString());
      return delivery ? { ...answer, delivery } : answer;
    } catch (error) {
      return await failure(event, at, error, options);
    }
  }

  /** A deferred turn's answer, with the `settle` that writes it (once) and lets the session's next turn go. */
  function deferred(
    event: BotEvent,
    turn: Turn,
    reply: TurnReply,
    write: (sent: boolean) => Promise<Recorded>,
    release: () => void,
    options: HandleOptions,
    cut: Card | undefined,
  ): EngineReply {
    const cards = cut ? [...reply.cards, cut] : reply.cards;
    let settled: Promise<EngineReply["delivery"]> | undefined;
    const settle = (sent: boolean) => {
      // An answer that did not go out is queued for retry at once; one that did can wait for the others.
      settled ??= (sent ? gathered.add(() => write(sent)) : write(sent)).then(
        (recorded) => {
          release();
          // A replayed event was recorded by its first copy, audit line included.
          if ((recorded.audited || recorded.duplicate) && options.audit) options.audit.written = true;
          return recorded.delivery;
        },
        (error: unknown) => {
          release();
          log.error("answered, but the turn could not be written (session, analytics, audit line lost)", {
            eventId: event.eventId,
            kind: event.kind,
            sent,
            error,
          });
          throw error;
        },
      );
      return settled;
    };
    return { cards, mode: reply.mode ?? "new", visibility: turn.visibility, settle };
  }

  async function failure(event: BotEvent, at: string, error: unknown, options: HandleOptions): Promise<EngineReply> {
    const visibility = "ephemeral";
    if (error instanceof BotError && userErrors.has(error.code)) {
      // A refusal is for the person who pressed, never for the thread or the handoff channel.
      const privately = error.code === "forbidden" ? { privately: true } : {};
      const answer: EngineReply = {
        cards: [errorCard(error.message, error.code)],
        mode: "new",
        visibility,
        ...privately,
      };
      // Remember the id anyway, so a platform retry of a refused event is not answered twice. A turn is
      // decided before its id is claimed (see decideReading), so the retry itself comes here, and stops.
      const claimed = await claimQuietly(event, at, options, answer);
      if (claimed === "duplicate") return { cards: [], mode: "new", visibility, duplicate: true };
      return claimed ? { ...answer, delivery: claimed } : answer;
    }
    log.error("event failed", { eventId: event.eventId, kind: event.kind, error });
    const message =
      error instanceof BotError && error.code === "store_unavailable"
        ? "I cannot reach my database right now, so nothing was saved. Please try again in a minute."
        : "Something went wrong on my side while handling that. It has been logged; please try again.";
    return {
      cards: [errorCard(message, error instanceof BotError ? error.code : "internal_error")],
      mode: "new",
      visibility,
    };
  }

  function limited(event: BotEvent, verdict: "slow-down" | "drop"): EngineReply {
    log.warn("request over the rate limit", { user: event.user.id, kind: event.kind, verdict });
    if (verdict === "drop") return { cards: [], mode: "new", visibility: "ephemeral", limited: true };
    const card = infoCard("Slow down, please", [
      `You sent more than ${deps.config.rateLimitPerMinute} messages, commands or button presses in a minute, so I am not answering the rest for now. Wait a minute and try again.`,
    ]);
    return { cards: [card], mode: "new", visibility: "ephemeral", privately: true, limited: true };
  }

  /** Claims the event id and, when the adapter wants it, queues the refusal with it. */
  async function claimQuietly(
    event: BotEvent,
    at: string,
    options: HandleOptions,
    answer: EngineReply,
  ): Promise<EngineReply["delivery"] | "duplicate"> {
    try {
      return await deps.store.transaction(async (tx) => {
        if (!(await tx.claimEvent(event.eventId, at))) return "duplicate" as const;
        if (options.replyTo === undefined || !deps.outbox) return undefined;
        return queueReply(tx, deps.outbox, event, options.replyTo, answer, deps.clock().toISOString());
      });
    } catch (error) {
      log.warn("could not remember event id", { eventId: event.eventId, error });
      return undefined;
    }
  }

  return {
    handle,
    retryPendingDeliveries: () => escalations.retryPendingDeliveries(),
    home: (user, platform, command) => buildHome(deps, user, platform, command),
    search: (query) => searchPlaybooks(deps, query),
    remindEscalations: (afterMs) => sendDueReminders(deps, afterMs),
  };
}

/** Says what was read of a message too long to read whole, so nobody wonders where the rest went. */
function cutNotice(total: number): Card {
  return infoCard("Only the start of your message was read", [
    `Your message had ${total.toLocaleString("en-US")} characters; I read the first ${maxUserTextChars.toLocaleString("en-US")}. Send the rest separately if it matters.`,
  ]);
}

function ownerOf(deps: EngineDeps): string {
  return deps.outbox?.lease().by ?? "";
}

function actor(user: Actor): Actor {
  return user.name ? { id: user.id, name: user.name } : { id: user.id };
}
