import type { Store } from "../store/store.ts";
import type { BotMetrics } from "./bot-metrics.ts";

/**
 * The store the engine gets in `cpbot serve`: the real one, with every analytics event it records also
 * counted in the metrics. The engine stays unaware of metrics, and an event counts only once stored.
 */
export function observeStore(store: Store, metrics: Pick<BotMetrics, "observeEvent">): Store {
  return new Proxy(store, {
    get(target, property) {
      if (property === "recordEvent") {
        return (event: Parameters<Store["recordEvent"]>[0]) => {
          const result: unknown = target.recordEvent(event);
          // Works for the synchronous store and for one that returns a promise.
          if (result instanceof Promise) return result.then(() => metrics.observeEvent(event));
          metrics.observeEvent(event);
          return result as ReturnType<Store["recordEvent"]>;
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
