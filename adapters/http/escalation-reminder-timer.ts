import type { Logger } from "../../src/core/logger.ts";
import type { Engine } from "../../src/engine/create-engine.ts";

/** How often due reminders are looked for: a reminder goes out within this of its time (the goal is 5 s). */
export const reminderTickMs = 2000;

export interface ReminderTimer {
  /** Resolves when the pass in progress (if any) is over. */
  settled(): Promise<void>;
  stop(): void;
}

/**
 * Runs the engine's reminder pass every `everyMs` while the server runs (ESCALATION_REMIND_AFTER set). One
 * pass at a time, so a slow platform never piles passes up; each reminder is claimed in the database
 * before it is posted, so replicas running this same timer send it once between them.
 */
export function startReminderTimer(
  engine: Engine,
  afterMs: number,
  logger: Logger,
  everyMs: number = reminderTickMs,
): ReminderTimer {
  let running: Promise<void> | undefined;
  const pass = () => {
    running ??= engine
      .remindEscalations(afterMs)
      .then((sent) => {
        if (sent > 0) logger.info("escalation reminders sent", { sent });
      })
      .catch((error: unknown) => logger.error("escalation reminders failed", { error }))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(pass, everyMs);
  // The timer alone must not keep the process alive after the server closed.
  timer.unref();
  return { settled: async () => void (await running), stop: () => clearInterval(timer) };
}
