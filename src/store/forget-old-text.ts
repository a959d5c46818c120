import type { Store } from "./store.ts";

const dayMs = 24 * 60 * 60 * 1000;

export interface Forgotten {
  /** Text written before this instant was cleared. */
  before: string;
  events: number;
  sessions: number;
}

/**
 * RETAIN_QUESTIONS_DAYS applied once: everything people wrote more than `days` days before `now` is
 * forgotten (Store.forgetTextBefore), the counts behind the reports stay.
 */
export async function forgetOldText(store: Store, days: number, now: Date): Promise<Forgotten> {
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`retention must be a whole number of days ≥ 1, not ${days}`);
  const before = new Date(now.getTime() - days * dayMs).toISOString();
  return { before, ...(await store.forgetTextBefore(before)) };
}
