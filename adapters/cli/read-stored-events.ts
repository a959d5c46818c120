import type { AnalyticsEvent, AnalyticsEventType } from "../../src/store/store.ts";

/** The part of a store the reading commands use; synchronous or asynchronous alike. */
interface EventSource {
  listEvents(filter: {
    since?: string;
    until?: string;
    types?: AnalyticsEventType[];
  }): AnalyticsEvent[] | Promise<AnalyticsEvent[]>;
  close(): unknown;
}

/** Reads the events for `cpbot suggest`, `transcript` and `audit`, and always releases the database. */
export async function readStoredEvents(
  store: EventSource,
  filter: { since?: string; until?: string; types?: AnalyticsEventType[] },
): Promise<AnalyticsEvent[]> {
  try {
    return await store.listEvents(filter);
  } finally {
    await store.close();
  }
}
