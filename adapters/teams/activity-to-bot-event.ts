import { type Activity, ActivityTypes, TurnContext } from "botbuilder";
import type { ActionEvent, Actor, BotEvent, ConversationRef } from "../../src/core/bot-event.ts";
import { splitConversationId, teamsThreadLink } from "./teams-conversation.ts";

export type TranslatedActivity =
  | {
      kind: "event";
      event: BotEvent;
      /** The bot was @mentioned (channel and group chat messages only reach us this way, unless RSC). */
      mentioned: boolean;
      /** personal, groupChat, channel; undefined in the Emulator. */
      conversationType?: string;
    }
  | { kind: "ignore"; reason: string };

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; aadGroupId?: string };
}

/**
 * One Teams activity as a neutral BotEvent. Only messages become events: a typed message, or an
 * Action.Submit, which Teams delivers as a message whose `value` is the button's data merged with the
 * card's input values keyed by input id.
 */
export function activityToBotEvent(activity: Activity): TranslatedActivity {
  if (activity.type !== ActivityTypes.Message) return { kind: "ignore", reason: `activity type ${activity.type}` };
  if (isFromBot(activity)) return { kind: "ignore", reason: "sent by a bot" };
  if (!activity.id || !activity.conversation?.id) return { kind: "ignore", reason: "no activity or conversation id" };

  const conversation = conversationOf(activity);
  const base = {
    // Teams activity ids are timestamps unique within a conversation only.
    eventId: `teams:${activity.conversation.id}:${activity.id}`,
    conversation,
    user: actorOf(activity),
    ...(isoTime(activity) ? { at: isoTime(activity) } : {}),
  };
  const type = activity.conversation.conversationType;
  const submitted = submittedAction(activity);
  if (submitted) {
    const event: ActionEvent = {
      kind: "action",
      ...base,
      ...submitted,
      // The message the card was on: Teams sets replyToId on submits from a card.
      ...(activity.replyToId ? { messageId: activity.replyToId } : {}),
    };
    return { kind: "event", event, mentioned: true, ...(type ? { conversationType: type } : {}) };
  }
  const mentioned = mentionsBot(activity);
  const text = messageText(activity);
  const files = attachedFiles(activity);
  if (!text && files.length === 0) return { kind: "ignore", reason: "empty message" };
  return {
    kind: "event",
    event: { kind: "message", ...base, text, ...(files.length > 0 ? { files } : {}) },
    mentioned,
    ...(type ? { conversationType: type } : {}),
  };
}

/** Our own posts echo back in some channels, and other bots must not start conversations with us. */
function isFromBot(activity: Activity): boolean {
  if (activity.from?.id && activity.from.id === activity.recipient?.id) return true;
  return activity.from?.role === "bot";
}

function conversationOf(activity: Activity): ConversationRef {
  const { base, messageId } = splitConversationId(activity.conversation.id);
  if (activity.conversation.conversationType !== "channel") return { platform: "teams", channelId: base };
  // A new channel post arrives without ;messageid= on some clients: the post itself starts the thread.
  const threadId = messageId ?? activity.id ?? "";
  const data = (activity.channelData ?? {}) as TeamsChannelData;
  const tenantId = activity.conversation.tenantId ?? data.tenant?.id;
  const link = teamsThreadLink({
    channelId: base,
    threadId,
    ...(tenantId ? { tenantId } : {}),
    ...(data.team?.aadGroupId ? { groupId: data.team.aadGroupId } : {}),
  });
  return { platform: "teams", channelId: base, threadId, ...(link ? { permalink: link } : {}) };
}

function actorOf(activity: Activity): Actor {
  // The AAD object id is the person across every chat and team; the 29: id is per bot.
  const id = activity.from?.aadObjectId ?? activity.from?.id ?? "unknown";
  return activity.from?.name ? { id, name: activity.from.name } : { id };
}

function isoTime(activity: Activity): string | undefined {
  const t = activity.timestamp ? new Date(activity.timestamp) : undefined;
  return t && !Number.isNaN(t.getTime()) ? t.toISOString() : undefined;
}

function submittedAction(activity: Activity): Pick<ActionEvent, "action" | "value" | "inputs"> | undefined {
  const value = activity.value as Record<string, unknown> | undefined;
  if (!value || typeof value !== "object" || typeof value.action !== "string" || !value.action) return undefined;
  const inputs: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === "action" || key === "value" || key === "msteams") continue;
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") inputs[key] = String(v);
  }
  return {
    action: value.action,
    ...(typeof value.value === "string" ? { value: value.value } : {}),
    ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
  };
}

/**
 * Files a person attached (Teams delivers them to bots in personal chat): a file's download info carries
 * its name and link; a pasted image comes with a content URL. Cards and mentions are not files.
 */
function attachedFiles(activity: Activity): { name: string; url?: string }[] {
  return (activity.attachments ?? []).flatMap((a) => {
    const content = (a.content ?? {}) as { downloadUrl?: string };
    if (a.contentType === "application/vnd.microsoft.teams.file.download.info") {
      const url = content.downloadUrl ?? a.contentUrl;
      return [{ name: a.name ?? "file", ...(url ? { url } : {}) }];
    }
    if (a.contentType?.startsWith("image/"))
      return [{ name: a.name ?? "image", ...(a.contentUrl ? { url: a.contentUrl } : {}) }];
    return [];
  });
}

function mentionsBot(activity: Activity): boolean {
  return TurnContext.getMentions(activity).some((m) => m.mentioned?.id === activity.recipient?.id);
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** The message text with the bot's @mention removed, so "@cpbot fault 303-RSC" reads as "fault 303-RSC". */
export function messageText(activity: Activity): string {
  // removeRecipientMention edits activity.text; work on a copy so the turn keeps the original.
  const copy = { ...activity, text: activity.text ?? "" } as Activity;
  let text = TurnContext.removeRecipientMention(copy) ?? "";
  const name = activity.recipient?.name;
  // Some clients mention the bot twice or without an entity; drop any remaining <at>bot</at>.
  if (name) text = text.split(`<at>${name}</at>`).join(" ");
  // Formatted messages carry a little HTML; keep their line breaks (pasted status lines are one per line).
  return text
    .replace(/<br\s*\/?>|<\/(?:p|div)>/gi, "\n")
    .replace(/<(?:p|div|span)(?:\s[^>]*)?>|<\/span>/gi, "")
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, e: string) => entities[e] ?? "")
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .trim();
}
