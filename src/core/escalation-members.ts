import type { Platform } from "./bot-event.ts";

/**
 * Who is on the support team, as the platform knows it: the members of the escalation channel. Adapters
 * implement this (Slack conversations.members, the Teams channel roster) and cache the answer briefly,
 * so a burst of button presses costs one platform call. The engine only asks; it never lists members.
 */
export interface EscalationMembers {
  /** True when `userId` is a member of `platform`'s escalation channel; false when unknown or unreachable. */
  isMember(platform: Platform, userId: string): Promise<boolean>;
}
