import type { Logger } from "../core/logger.ts";
import type { Engine } from "../engine/create-engine.ts";
import type { Store } from "../store/store.ts";
import { turnRecord } from "./turn-record.ts";

/**
 * The engine, with every answered turn appended to the audit log (input, the cards sent and their hash).
 * A decorator at the composition root, so the engine itself stays unaware of auditing. The record is
 * written after the answer is decided; if the write fails the answer still goes out and the failure is
 * logged, because a lost audit line must never cost a person their reply.
 */
export function auditedEngine(engine: Engine, store: Store, clock: () => Date, logger: Logger): Engine {
  return {
    ...engine,
    async handle(event, options) {
      const reply = await engine.handle(event, options);
      if (reply.duplicate) return reply;
      try {
        await store.recordEvent(turnRecord(event, reply, clock().toISOString()));
      } catch (error) {
        logger.warn("could not append the turn to the audit log", { eventId: event.eventId, error });
      }
      return reply;
    },
  };
}
