import type { AnalyticsEvent, Store } from "../store/store.ts";
import type { BotMetrics } from "./bot-metrics.ts";

/**
 * The store the engine gets in `cpbot serve`: the real one, with every analytics event it records also
 * counted in the metrics. The engine stays unaware of metrics, and an event counts only once stored: one
 * recorded through a transaction's handle counts when that transaction has committed, and not at all when
 * it rolls back.
 */
export function observeStore(store: Store, metrics: Pick<BotMetrics, "observeEvent">): Store {
  return observing(store, (event) => metrics.observeEvent(event));
}

function observing(store: Store, stored: (event: AnalyticsEvent) => void): Store {
  // Each method bound once: the engine calls the store several times a turn, and a fresh bound function
  // per call is garbage for nothing.
  const bound = new Map<PropertyKey, unknown>();
  const recordEvent = async (event: AnalyticsEvent): Promise<void> => {
    await store.recordEvent(event);
    stored(event);
  };
  const transaction = async <T>(fn: (tx: Store) => Promise<T>): Promise<T> => {
    let recorded: AnalyticsEvent[] = [];
    const result = await store.transaction((tx) => {
      // A PostgreSQL transaction may run `fn` again after a conflict: only the last run's events count.
      recorded = [];
      return fn(observing(tx, (event) => recorded.push(event)));
    });
    for (const event of recorded) stored(event);
    return result;
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === "recordEvent") return recordEvent;
      if (property === "transaction") return transaction;
      const kept = bound.get(property);
      if (kept !== undefined) return kept;
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      const method = value.bind(target);
      bound.set(property, method);
      return method;
    },
  });
}
