import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { AnalyticsEvent, EscalationStatus, Store } from "../store/store.ts";

/** The counters and histograms of one running bot, in their own registry (tests build several). */
export interface BotMetrics {
  registry: Registry;
  httpRequests: Counter<"route" | "method" | "status">;
  httpDuration: Histogram<"route" | "method" | "status">;
  matcherOutcomes: Counter<"outcome">;
  playbookHits: Counter<"playbook">;
  deliveryRetries: Counter;
  deliveryFailures: Counter;
  /** The reply outbox: replies delivered, attempts that failed and will be retried, replies given up. */
  outbox: { delivered: Counter<"platform">; retried: Counter<"platform">; dead: Counter<"platform"> };
  /** Counts what an analytics event says happened: a matcher outcome, a playbook answered. */
  observeEvent(event: AnalyticsEvent): void;
}

const outcomes = new Set(["match", "abstain", "ambiguous", "unknown-code"]);
const statuses: readonly EscalationStatus[] = ["open", "claimed", "need-info", "resolved"];

/**
 * Prometheus metrics for `cpbot serve`, scraped from GET /metrics: HTTP traffic by route, what the
 * matcher decided, which playbooks answer, escalations by state, handoff delivery retries and failures,
 * and Node's process metrics (CPU, memory, event-loop lag, GC) from prom-client's default collectors.
 * Escalations and pending deliveries are read from the store at scrape time, so every replica reports
 * the shared truth rather than its own share.
 */
export function createBotMetrics(
  store: Pick<Store, "listEscalations" | "listPendingDeliveries"> & Partial<Pick<Store, "countDeliveries">>,
): BotMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const httpRequests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by route (the matched path, or 'unmatched'), method and status",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time from a request's arrival to the end of its response",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const matcherOutcomes = new Counter({
    name: "cpbot_matcher_outcomes_total",
    help: "Questions by what the matcher decided: match, ambiguous, abstain, unknown-code",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const playbookHits = new Counter({
    name: "cpbot_playbook_hits_total",
    help: "Questions answered by each playbook",
    labelNames: ["playbook"] as const,
    registers: [registry],
  });
  const deliveryRetries = new Counter({
    name: "cpbot_delivery_retries_total",
    help: "Escalation handoffs posted again because an earlier post did not reach the channel",
    registers: [registry],
  });
  const deliveryFailures = new Counter({
    name: "cpbot_delivery_failures_total",
    help: "Retried escalation handoffs that still did not reach the channel (kept stored, retried later)",
    registers: [registry],
  });
  new Gauge({
    name: "cpbot_escalations",
    help: "Escalations in the store by state",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const counts = new Map<string, number>(statuses.map((s) => [s, 0]));
      for (const e of await store.listEscalations()) counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
      for (const [state, n] of counts) this.set({ state }, n);
    },
  });
  new Gauge({
    name: "cpbot_pending_deliveries",
    help: "Escalations stored whose handoff has not reached the escalation channel yet",
    registers: [registry],
    async collect() {
      this.set((await store.listPendingDeliveries()).length);
    },
  });
  const outboxCounter = (name: string, help: string) =>
    new Counter({ name, help, labelNames: ["platform"] as const, registers: [registry] });
  const outbox = {
    delivered: outboxCounter("cpbot_outbox_delivered_total", "Replies delivered from the outbox by this replica"),
    retried: outboxCounter("cpbot_outbox_retries_total", "Reply deliveries that failed and were scheduled again"),
    dead: outboxCounter(
      "cpbot_outbox_dead_total",
      "Replies given up (refused by the platform, or still failing after OUTBOX_GIVE_UP_MS); each one is logged",
    ),
  };
  if (store.countDeliveries) {
    const count = store.countDeliveries.bind(store);
    new Gauge({
      name: "cpbot_outbox_pending",
      help: "Replies decided and stored but not delivered yet (all replicas)",
      registers: [registry],
      async collect() {
        this.set((await count()).pending);
      },
    });
  }
  return {
    registry,
    outbox,
    httpRequests,
    httpDuration,
    matcherOutcomes,
    playbookHits,
    deliveryRetries,
    deliveryFailures,
    observeEvent(event) {
      if (outcomes.has(event.type)) matcherOutcomes.inc({ outcome: event.type });
      if (event.type === "match" && event.playbook) playbookHits.inc({ playbook: event.playbook });
    },
  };
}
