import { type ChartData, chartData } from "../../src/analytics/chart-data.ts";
import { placedSteps } from "../../src/playbooks/lint-playbook.ts";
import type { PlaybookRegistry } from "../../src/playbooks/playbook-registry.ts";
import type { EscalationRecord, Store } from "../../src/store/store.ts";

/*
 * The console's only reads of the store, kept here so the store's move to promises (every method
 * awaited) touches one file. `await` on today's synchronous results is harmless.
 */

/** Escalations newest first, the order a queue is read in. */
export async function loadEscalations(store: Store): Promise<EscalationRecord[]> {
  const all = await store.listEscalations();
  return [...all].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function loadChartData(store: Store, registry: PlaybookRegistry): Promise<ChartData> {
  const [events, escalations] = await Promise.all([store.listEvents(), store.listEscalations()]);
  const order = new Map(registry.all().map((p) => [p.id, placedSteps(p).map((s) => s.step.id)] as const));
  return chartData(events, escalations, order);
}
