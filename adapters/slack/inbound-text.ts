/**
 * Slack sends message text as mrkdwn: the user's `& < >` arrive as `&amp; &lt; &gt;`, and links, channels
 * and mentions as `<…>` tokens. The engine wants what the person typed, so links and channel names are
 * turned back into plain text and the entities decoded. User and special mentions (`<@U123>`,
 * `<!channel>`) are kept as typed tokens: they are only ever shown escaped, never as a live mention.
 */
export function inboundText(text: string, botUserId?: string): string {
  let out = text;
  if (botUserId) out = out.replace(new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`, "g"), " ");
  out = out
    .replace(/<((?:https?|mailto|tel):[^|>\s]*)(?:\|([^>]*))?>/g, (_, url: string, label?: string) => label || url)
    .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) => `#${name || id}`)
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    // Last, so "&amp;lt;" (a typed "&lt;") becomes "&lt;" and not "<".
    .replace(/&amp;/g, "&");
  return out
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();
}

/** True when the text mentions the bot user (then the app_mention event is the one that answers it). */
export function mentionsUser(text: string, userId: string): boolean {
  return new RegExp(`<@${escapeRegExp(userId)}(?:\\|[^>]*)?>`).test(text);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
