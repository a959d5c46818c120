import type { webApi } from "@slack/bolt";

/**
 * Member ids of a channel from conversations.members (channels:read for public channels, groups:read for
 * private ones), every page. Bounded: 50 pages of 1,000 is far beyond any support channel.
 */
export async function slackChannelMembers(client: webApi.WebClient, channel: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await client.conversations.members({ channel, limit: 1000, ...(cursor ? { cursor } : {}) });
    for (const id of result.members ?? []) ids.add(id);
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!cursor) break;
  }
  return ids;
}
