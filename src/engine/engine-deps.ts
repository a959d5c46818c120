import type { Logger } from "../core/logger.ts";
import type { Transport } from "../core/transport.ts";
import type { MatchResult } from "../matcher/match-result.ts";
import type { PlaybookRegistry } from "../playbooks/playbook-registry.ts";
import type { Store } from "../store/store.ts";

/** What the engine needs from the matcher: one call, deterministic. */
export type { MatchResult };

export interface IntentMatcher {
  match(text: string): MatchResult;
}

/** The engine's share of the configuration (see src/config/load-config.ts). */
export interface EngineConfig {
  /** Channel id for escalation handoffs on the requester's platform; unset: the requester's own thread. */
  escalationDestination?: string;
  /** Matches below this confidence are recorded as low-confidence for playbook authors. */
  lowConfidence: number;
}

export interface EngineDeps {
  registry: PlaybookRegistry;
  matcher: IntentMatcher;
  store: Store;
  transport: Transport;
  config: EngineConfig;
  /** Injectable so tests control every timestamp (ages, history, analytics). */
  clock: () => Date;
  logger?: Logger;
}
