/**
 * Teams conversation ids. In a channel, every thread is its own Bot Framework conversation whose id is the
 * channel id plus `;messageid=<root message id>`; chats (personal, group) have no threads.
 */

const messageIdSuffix = /;messageid=(\d+)$/i;

export interface SplitConversationId {
  /** The channel or chat id, e.g. 19:abc@thread.tacv2 or a:1Xyz… */
  base: string;
  /** The thread's root message id in a channel. */
  messageId?: string;
}

export function splitConversationId(id: string): SplitConversationId {
  const match = messageIdSuffix.exec(id);
  if (!match?.[1]) return { base: id };
  return { base: id.slice(0, match.index), messageId: match[1] };
}

/** The conversation id that addresses one thread of a channel (replies land in that thread). */
export function threadConversationId(channelId: string, threadId: string | undefined): string {
  return threadId ? `${channelId};messageid=${threadId}` : channelId;
}

/** Team channels are `19:…@thread.tacv2` (or the older `@thread.skype`); group chats are `@thread.v2`. */
export function looksLikeTeamsChannel(id: string): boolean {
  return /^19:[^;]+@thread\.(tacv2|skype)$/i.test(id);
}

/** Any id Teams (or the Emulator) uses for a conversation, as opposed to a foreign id or an alias. */
export function looksLikeTeamsConversation(id: string): boolean {
  return /^(19:|a:|8:|29:)/.test(id) || /@thread\./i.test(id) || /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(id);
}

/**
 * A link that opens the thread in Teams. Teams deep links need the tenant; the team's group id makes the
 * link open without a lookup but is only sent on some activities, so it is optional.
 */
export function teamsThreadLink(input: {
  channelId: string;
  threadId: string;
  tenantId?: string;
  groupId?: string;
}): string | undefined {
  if (!input.tenantId || !looksLikeTeamsChannel(input.channelId)) return undefined;
  const query = new URLSearchParams({ tenantId: input.tenantId, parentMessageId: input.threadId });
  if (input.groupId) query.set("groupId", input.groupId);
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(input.channelId)}/${input.threadId}?${query}`;
}
