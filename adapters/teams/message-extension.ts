import { type Activity, ActivityTypes, CardFactory, type TurnContext } from "botbuilder";
import type { Card } from "../../src/cards/card-schema.ts";
import type { ConversationRef, MessageEvent } from "../../src/core/bot-event.ts";
import type { Engine } from "../../src/engine/create-engine.ts";
import { maxHits } from "../../src/engine/search-playbooks.ts";
import { messageText } from "./activity-to-bot-event.ts";
import { foldedCard } from "./card-activities.ts";
import { cardToAdaptiveCard } from "./card-to-adaptive-card.ts";
import { statusOf } from "./connector-retry.ts";
import { deliverReply } from "./deliver-reply.ts";
import { messageActionWindow } from "./message-action-window.ts";
import type { SendOptions } from "./send-card.ts";
import { splitConversationId, threadConversationId } from "./teams-conversation.ts";

/** The command ids in teams/manifest.json (composeExtensions). */
export const searchCommandId = "searchPlaybooks";
export const askCommandId = "askCpbot";

const queryInvoke = "composeExtension/query";
const submitInvoke = "composeExtension/submitAction";

/** Connector answers meaning cpbot may not post in that conversation (not installed there, or gone). */
const cannotPost = new Set([403, 404]);

export function isMessageExtensionInvoke(activity: Activity): boolean {
  return activity.type === ActivityTypes.Invoke && (activity.name === queryInvoke || activity.name === submitInvoke);
}

/**
 * The message extension: the search command lists playbooks and fault codes in the compose box (a `result`
 * in the `list` layout, each with a thumbnail preview and the Adaptive Card it inserts); the message action
 * "Ask cpbot" answers a message like a mention would, in the conversation, or inside the action's own
 * window when cpbot may not post there (a chat it is not part of). The answer is the invoke response.
 */
export async function answerMessageExtension(ctx: TurnContext, engine: Engine, send: SendOptions): Promise<void> {
  const activity = ctx.activity;
  const body = activity.name === queryInvoke ? searchResult(engine, activity) : await askAbout(ctx, engine, send);
  await ctx.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
}

interface QueryValue {
  commandId?: string;
  parameters?: { name?: string; value?: unknown }[];
  queryOptions?: { skip?: number; count?: number };
}

function searchResult(engine: Engine, activity: Activity) {
  const value = (activity.value ?? {}) as QueryValue;
  const params = value.parameters ?? [];
  // initialRun: the box was just opened, before anything was typed: list every playbook.
  const initial = params.some((p) => p.name === "initialRun");
  const typed = params.find((p) => p.name !== "initialRun" && typeof p.value === "string")?.value as string | undefined;
  const skip = Math.max(0, value.queryOptions?.skip ?? 0);
  const count = Math.min(maxHits, Math.max(1, value.queryOptions?.count ?? maxHits));
  const hits = engine.search(initial ? "" : (typed ?? "")).slice(skip, skip + count);
  return {
    composeExtension: {
      type: "result",
      attachmentLayout: "list",
      attachments: hits.map((hit) => ({
        ...CardFactory.adaptiveCard(oneAdaptiveCard(hit.card)),
        preview: CardFactory.thumbnailCard(hit.title, hit.subtitle),
      })),
    },
  };
}

interface SubmitValue {
  commandId?: string;
  /** The action's form: an optional note the person added to the message. */
  data?: { note?: unknown };
  messagePayload?: { id?: string; replyToId?: string; body?: { content?: string; contentType?: string } };
}

async function askAbout(ctx: TurnContext, engine: Engine, send: SendOptions) {
  const activity = ctx.activity;
  const value = (activity.value ?? {}) as SubmitValue;
  const payload = value.messagePayload ?? {};
  const note = typeof value.data?.note === "string" ? value.data.note.trim() : "";
  const raw = payload.body?.content ?? "";
  // The message's HTML read like a typed message (line breaks kept, tags and entities dropped).
  const html = raw.replace(/<(?!\/?(?:p|div|span|br)\b)[^>]*>/gi, "");
  const text = messageText({ ...activity, text: html, entities: [] } as Activity);
  const event: MessageEvent = {
    kind: "message",
    eventId: `teams:ask:${activity.id ?? payload.id ?? ""}`,
    conversation: conversationOf(activity, payload),
    user: activity.from?.name
      ? { id: activity.from.aadObjectId ?? activity.from.id, name: activity.from.name }
      : { id: activity.from?.aadObjectId ?? activity.from?.id ?? "unknown" },
    text: note ? `${text}\n${note}` : text,
  };
  const reply = await engine.handle(event);
  // Replies follow the turn's conversation: point it at the message's thread, so the answer lands there.
  if (event.conversation.threadId)
    activity.conversation = {
      ...activity.conversation,
      id: threadConversationId(event.conversation.channelId, event.conversation.threadId),
    };
  try {
    await deliverReply(ctx, reply, send);
    return { task: { type: "message", value: "cpbot answered in the conversation." } };
  } catch (error) {
    if (!cannotPost.has(statusOf(error) ?? 0)) throw error;
    send.logger.info("cannot post in this conversation; answering in the message action's window", {
      status: statusOf(error),
    });
    // The whole answer, not only its first card, and a way on to a chat where its buttons work.
    const botId = activity.recipient?.id;
    const card = messageActionWindow(reply.cards, event.text, botId?.startsWith("28:") ? botId : undefined);
    return {
      task: {
        type: "continue",
        value: {
          title: "cpbot",
          width: "large",
          height: "large",
          card: CardFactory.adaptiveCard(card),
        },
      },
    };
  }
}

/** The thread the message is in (a channel post's root), else the chat itself. */
function conversationOf(activity: Activity, payload: NonNullable<SubmitValue["messagePayload"]>): ConversationRef {
  const { base, messageId } = splitConversationId(activity.conversation?.id ?? "");
  if (activity.conversation?.conversationType !== "channel") return { platform: "teams", channelId: base };
  const threadId = messageId ?? payload.replyToId ?? payload.id;
  return { platform: "teams", channelId: base, ...(threadId ? { threadId } : {}) };
}

/** A card that must be one attachment: the card itself when it fits one message, else its folded form. */
function oneAdaptiveCard(card: Card) {
  const [first, ...rest] = cardToAdaptiveCard(card);
  if (first && rest.length === 0) return first;
  return cardToAdaptiveCard(foldedCard(card))[0] ?? { type: "AdaptiveCard", version: "1.5", body: [] };
}
