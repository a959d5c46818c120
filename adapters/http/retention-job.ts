import type { Logger } from "../../src/core/logger.ts";
import { forgetOldText } from "../../src/store/forget-old-text.ts";
import type { Store } from "../../src/store/store.ts";

export interface RetentionJob {
  /** Resolves when the run in progress (if any) is over. */
  settled(): Promise<void>;
  stop(): void;
}

/** Once a day is enough: the period is counted in days, and one run clears everything that came due. */
export const retentionEveryMs = 24 * 60 * 60 * 1000;

/**
 * RETAIN_QUESTIONS_DAYS in a running server: forgets old text at start-up and then every `everyMs`,
 * one run at a time, logging what it cleared. A failure is logged and the next run tries again; the
 * text stays until then, which is the safe side.
 */
export function startRetention(options: {
  store: Store;
  days: number;
  clock: () => Date;
  logger: Logger;
  everyMs?: number;
}): RetentionJob {
  const { store, days, clock, logger } = options;
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= forgetOldText(store, days, clock())
      .then((done) => logger.info("retention: cleared text older than the retention period", { days, ...done }))
      .catch((error: unknown) => logger.error("retention: clearing old text failed; will try again", { error }))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  void run();
  const timer = setInterval(run, options.everyMs ?? retentionEveryMs);
  // The timer alone must not keep the process alive after the server closed.
  timer.unref();
  return { settled: async () => void (await running), stop: () => clearInterval(timer) };
}
