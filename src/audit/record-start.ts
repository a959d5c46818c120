import type { CoreConfig } from "../config/load-config.ts";
import type { LivePlaybooks } from "../playbooks/live-playbooks.ts";
import type { Store } from "../store/store.ts";

/** The playbook set as the audit log names it: every id with its version. */
function playbookSet(live: LivePlaybooks): Record<string, number> {
  return Object.fromEntries(live.registry.all().map((p) => [p.id, p.version]));
}

/**
 * The audit record a server writes as it starts: the settings it runs with (no secrets: the core config
 * holds none, and only whether a platform is on is kept) and the versions of the playbooks it serves.
 */
export async function recordStart(
  store: Store,
  clock: () => Date,
  live: LivePlaybooks,
  config: CoreConfig,
): Promise<void> {
  const settings = {
    lowConfidence: config.lowConfidence,
    rateLimitPerMinute: config.rateLimitPerMinute,
    shutdownGraceMs: config.shutdownGraceMs,
    responders: config.responders.length,
    escalationDestination: config.escalationDestination ?? null,
  };
  await store.recordEvent({
    type: "audit",
    at: clock().toISOString(),
    platform: "cli",
    data: { action: "started", by: "cpbot", settings, playbooks: playbookSet(live) },
  });
}

/** The audit record of a hot reload that replaced the playbook set. */
export async function recordReload(store: Store, clock: () => Date, live: LivePlaybooks): Promise<void> {
  await store.recordEvent({
    type: "audit",
    at: clock().toISOString(),
    platform: "cli",
    data: { action: "playbooks-reloaded", by: "cpbot", playbooks: playbookSet(live) },
  });
}
