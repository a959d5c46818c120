import type { ConversationRef, MessageEvent } from "../../src/core/bot-event.ts";
import { inboundText } from "./inbound-text.ts";

/** The fields cpbot reads from an app_mention or message event (Slack's types are a wide union). */
export interface SlackMessageFields {
  type: string;
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  /** file_share messages: the files attached; the link a person in the workspace can open is the permalink. */
  files?: { name?: string; title?: string; permalink?: string }[];
  /** Sent with many message events; the only place a name comes without the users:read scope. */
  user_profile?: { display_name?: string; real_name?: string; name?: string };
}

/**
 * One message is one user action, whichever event delivers it: a mention in a thread arrives as
 * app_mention and as message.channels with different event_ids, and a retry repeats it. Keying the
 * engine's event id on channel + ts makes all of them one event for claimEvent().
 */
export function messageEventId(channel: string, ts: string): string {
  return `slack:msg:${channel}:${ts}`;
}

/** Slack ts ("1700000000.123456", seconds) as an ISO time. */
export function slackTime(ts: string | undefined): string | undefined {
  const seconds = Number(ts);
  return ts && Number.isFinite(seconds) && seconds > 0 ? new Date(Math.round(seconds * 1000)).toISOString() : undefined;
}

export function slackConversation(channel: string, threadTs?: string, privateTo?: string): ConversationRef {
  return {
    platform: "slack",
    channelId: channel,
    ...(threadTs ? { threadId: threadTs } : {}),
    ...(privateTo ? { privateTo } : {}),
  };
}

/** A mention, DM or thread follow-up; the thread is the message's thread, or the message itself at top level. */
export function messageToEvent(message: SlackMessageFields, botUserId: string): MessageEvent {
  const at = slackTime(message.ts);
  const p = message.user_profile;
  const name = p?.display_name || p?.real_name || p?.name;
  const id = message.user ?? "unknown";
  // Attached files are evidence for Support: the engine keeps their names and links.
  const files = (message.files ?? []).flatMap((f) => {
    const name = f.name ?? f.title;
    return name ? [f.permalink ? { name, url: f.permalink } : { name }] : [];
  });
  return {
    kind: "message",
    eventId: messageEventId(message.channel, message.ts),
    conversation: slackConversation(message.channel, message.thread_ts ?? message.ts),
    user: name ? { id, name } : { id },
    text: inboundText(message.text ?? "", botUserId),
    ...(at ? { at } : {}),
    ...(files.length > 0 ? { files } : {}),
  };
}
