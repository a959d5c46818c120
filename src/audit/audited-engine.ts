import type { BotEvent } from "../core/bot-event.ts";
import type { Logger } from "../core/logger.ts";
import type { EngineReply } from "../core/transport.ts";
import type { Engine } from "../engine/create-engine.ts";
import type { TurnAudit } from "../engine/queue-reply.ts";
import type { Store } from "../store/store.ts";
import { turnRecord } from "./turn-record.ts";

/**
 * The engine, with every answered turn appended to the audit log (input, the cards sent and their hash).
 * A decorator at the composition root, so the engine knows only how to write a record it is handed. Most
 * turns' records are written in the decision's own transaction (see TurnAudit); the rest (an answer with
 * cards added after the commit, an error card) are appended after the answer is decided. If that write
 * fails the answer still goes out and the failure is logged: a lost audit line must never cost a reply.
 */
export function auditedEngine(engine: Engine, store: Store, clock: () => Date, logger: Logger): Engine {
  async function append(event: BotEvent, reply: EngineReply): Promise<void> {
    try {
      await store.recordEvent(turnRecord(event, reply, clock().toISOString()));
    } catch (error) {
      logger.warn("could not append the turn to the audit log", { eventId: event.eventId, error });
    }
  }
  return {
    ...engine,
    async handle(event, options) {
      const audit: TurnAudit = { record: (answer) => turnRecord(event, answer, clock().toISOString()) };
      const reply = await engine.handle(event, { ...options, audit });
      const { settle } = reply;
      // A deferred turn writes its audit line when it is settled, with the rest of its writes.
      if (settle) {
        return {
          ...reply,
          settle: async (sent) => {
            const delivery = await settle(sent);
            if (!audit.written) await append(event, reply);
            return delivery;
          },
        };
      }
      if (!reply.duplicate && !audit.written) await append(event, reply);
      return reply;
    },
  };
}
