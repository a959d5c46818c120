import { BotError } from "../core/bot-error.ts";
import type { Actor, BotEvent } from "../core/bot-event.ts";
import { silentLogger } from "../core/logger.ts";
import type { EngineReply } from "../core/transport.ts";
import { errorCard } from "../render/error-card.ts";
import { commandContext } from "./command-context.ts";
import { parseCommand } from "./command-parser.ts";
import type { EngineDeps } from "./engine-deps.ts";
import { createEscalationService } from "./escalation-service.ts";
import { handleAction } from "./handle-action.ts";
import { handleCommand } from "./handle-command.ts";
import { handleMessage } from "./handle-message.ts";
import { loadSession, SessionConflict, saveSession } from "./session-io.ts";
import type { Turn, TurnReply } from "./turn.ts";

export interface Engine {
  /** Answers one event. Never throws: a bad input or a bug becomes an error card. */
  handle(event: BotEvent): Promise<EngineReply>;
  /** Posts stored escalation handoffs that never reached the escalation channel (call at start-up). */
  retryPendingDeliveries(): Promise<void>;
}

/** Errors that are the person's to fix: shown as they are. Anything else is our bug: logged, not shown. */
const userErrors = new Set([
  "unknown_command",
  "unknown_fault_code",
  "unknown_playbook",
  "invalid_input",
  "not_found",
  "conflict",
]);
const maxAttempts = 4;

/**
 * The platform-neutral brain. Adapters translate platform payloads into BotEvents and deliver the
 * EngineReply; everything else (sessions, walkthroughs, escalations, analytics) happens here.
 */
export function createEngine(deps: EngineDeps): Engine {
  const log = deps.logger ?? silentLogger;
  const escalations = createEscalationService(deps, log);
  const ctx = commandContext(deps.registry);

  /**
   * The deciding part of a turn, in one transaction: claim the event id, decide, save, record. The turn's
   * handlers see the transaction as `turn.deps.store`; nothing is posted until it has committed.
   */
  function decide(event: BotEvent, at: string): Promise<{ turn: Turn; reply: TurnReply } | "duplicate"> {
    return deps.store.transaction(async (tx) => {
      if (!(await tx.claimEvent(event.eventId, at))) return "duplicate" as const;
      const session = await loadSession(tx, event.conversation, log);
      const turn: Turn = {
        deps: { ...deps, store: tx },
        escalations,
        event,
        at,
        by: actor(event.user),
        key: session.key,
        state: session.state,
        events: [],
        later: [],
        visibility: "ephemeral",
      };
      const reply = await route(turn);
      await saveSession(tx, session, turn.state, at);
      for (const e of turn.events) await tx.recordEvent(e);
      return { turn, reply };
    });
  }

  function route(turn: Turn): Promise<TurnReply> {
    const { event } = turn;
    if (event.kind === "action") return handleAction(turn, event);
    if (event.kind === "message") return handleMessage(turn, event, ctx);
    const parsed = parseCommand(event.text, ctx);
    turn.visibility = parsed.visibility;
    return handleCommand(turn, parsed.command, ctx);
  }

  async function handle(event: BotEvent): Promise<EngineReply> {
    // The platform's own time when it gives one (a queued retry happened then), else the engine's clock.
    const given = event.at ? Date.parse(event.at) : Number.NaN;
    const at = (Number.isNaN(given) ? deps.clock() : new Date(given)).toISOString();
    try {
      let decided: Awaited<ReturnType<typeof decide>> | undefined;
      for (let attempt = 1; !decided; attempt++) {
        try {
          decided = await decide(event, at);
        } catch (error) {
          // Someone else in the thread saved first (another process): read again and decide again.
          if (!(error instanceof SessionConflict) || attempt >= maxAttempts) throw error;
        }
      }
      if (decided === "duplicate") return { cards: [], mode: "new", visibility: "ephemeral", duplicate: true };
      const { turn, reply } = decided;
      const cards = [...reply.cards];
      for (const task of turn.later) cards.push(...(await task()));
      return { cards, mode: reply.mode ?? "new", visibility: turn.visibility };
    } catch (error) {
      return await failure(event, at, error);
    }
  }

  async function failure(event: BotEvent, at: string, error: unknown): Promise<EngineReply> {
    const visibility = "ephemeral";
    if (error instanceof BotError && userErrors.has(error.code)) {
      // Remember the id anyway, so a platform retry of a refused event is not answered twice.
      await claimQuietly(event.eventId, at);
      return { cards: [errorCard(error.message, error.code)], mode: "new", visibility };
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

  async function claimQuietly(eventId: string, at: string): Promise<void> {
    try {
      await deps.store.claimEvent(eventId, at);
    } catch (error) {
      log.warn("could not remember event id", { eventId, error });
    }
  }

  return { handle, retryPendingDeliveries: () => escalations.retryPendingDeliveries() };
}

function actor(user: Actor): Actor {
  return user.name ? { id: user.id, name: user.name } : { id: user.id };
}
