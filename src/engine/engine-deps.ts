import type { EscalationMembers } from "../core/escalation-members.ts";
import type { Logger } from "../core/logger.ts";
import type { Transport } from "../core/transport.ts";
import type { MatchResult } from "../matcher/match-result.ts";
import type { PlaybookRegistry } from "../playbooks/playbook-registry.ts";
import type { Store } from "../store/store.ts";
import type { OutboxLease } from "./queue-reply.ts";

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
  /**
   * Ids that may act on every escalation besides the escalation channel's members (ESCALATION_RESPONDERS).
   * Unset together with `members`: everyone may (the one-person terminal chat).
   */
  responders?: readonly string[];
  /** Messages, commands and presses one person may send a minute (a channel: ten times this); 0 or unset: off. */
  rateLimitPerMinute?: number;
}

export interface EngineDeps {
  registry: PlaybookRegistry;
  matcher: IntentMatcher;
  store: Store;
  transport: Transport;
  /** Membership of the escalation channel, asked of the platform; see escalation-access.ts. */
  members?: EscalationMembers;
  config: EngineConfig;
  /** Injectable so tests control every timestamp (ages, history, analytics). */
  clock: () => Date;
  logger?: Logger;
  /** Replies of events handled with `replyTo` are written to the outbox under this lease. */
  outbox?: OutboxLease;
  /**
   * How long the writes of turns already answered gather before they start together (see
   * gathered-writes.ts); default 5 ms, 0 starts each at once.
   */
  writeGatherMs?: number;
}
