import type { Store } from "../store/store.ts";
import type { BotMetrics } from "./bot-metrics.ts";

/**
 * The store the engine gets in `cpbot serve`: the real one, with every analytics event it records also
 * counted in the metrics. The engine stays unaware of metrics, and an event counts only once stored.
 */
export function observeStore(store: Store, metrics: Pick<BotMetrics, "observeEvent">): Store {
  // Each method bound once: the engine calls the store several times a turn, and a fresh bound function
  // per call is garbage for nothing.
  const bound = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, property) {
      const kept = bound.get(property);
      if (kept !== undefined) return kept;
      if (property === "recordEvent") {
        const record = (event: Parameters<Store["recordEvent"]>[0]) => {
          const result: unknown = target.recordEvent(event);
          // Works for the synchronous store and for one that returns a promise.
          if (result instanceof Promise) return result.then(() => metrics.observeEvent(event));
          metrics.observeEvent(event);
          return result as ReturnType<Store["recordEvent"]>;
        };
        bound.set(property, record);
        return record;
      }
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      const method = value.bind(target);
      bound.set(property, method);
      return method;
    },
  });
}
