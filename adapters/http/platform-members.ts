import type { EscalationMembers } from "../../src/core/escalation-members.ts";
import type { PlatformAdapter } from "./platform-adapter.ts";

/**
 * One engine, several platforms: a person is asked about on their own platform's escalation channel. A
 * platform that cannot tell (no channel configured) has no members, so only ESCALATION_RESPONDERS may act.
 */
export function platformMembers(adapters: readonly PlatformAdapter[]): EscalationMembers {
  return {
    async isMember(platform, userId) {
      const adapter = adapters.find((a) => a.platform === platform);
      return adapter?.members ? adapter.members.isMember(userId) : false;
    },
  };
}
