import { answerEvent } from "./answer-event.ts";
import { mentionsUser } from "./inbound-text.ts";
import { messageToEvent, type SlackMessageFields, slackConversation } from "./message-to-event.ts";
import type { SlackListenerDeps } from "./slack-listener-deps.ts";
import type { SlackHandlers } from "./slack-router.ts";
import { threadAwaitsReply } from "./thread-awaits-reply.ts";

/** Subtypes that are still a person writing; every other subtype (edits, deletions, joins, bots) is ignored. */
const personSubtypes = new Set([undefined, "thread_broadcast", "file_share"]);

function fromPerson(m: SlackMessageFields, deps: SlackListenerDeps): boolean {
  // Any bot (cpbot itself included) is ignored, so two bots can never answer each other in a loop.
  return personSubtypes.has(m.subtype) && !m.bot_id && !!m.user && m.user !== deps.identity.botUserId;
}

/** A retry (X-Slack-Retry-Num) of an envelope this process already took produces nothing. */
function alreadyTaken(deps: SlackListenerDeps, eventId: unknown, retryNum: unknown): boolean {
  if (typeof eventId !== "string" || !deps.recent.seen(eventId)) return false;
  deps.logger.debug("Slack event already taken; ignoring the redelivery", { eventId, retryNum });
  return true;
}

/**
 * app_mention (channels) and message (DMs, and replies in threads cpbot is working in). A mention in a
 * thread also arrives as a message event: only app_mention answers it, and both carry the same engine
 * event id (channel + ts) in case Slack delivers it twice anyway.
 */
export function onMessageEvents(d: SlackListenerDeps): Pick<SlackHandlers, "mention" | "message"> {
  const mention: SlackHandlers["mention"] = async ({ event, body, context }) => {
    await d.inFlight.run(async () => {
      if (alreadyTaken(d, body.event_id, context.retryNum)) return;
      const m = event as unknown as SlackMessageFields;
      if (!fromPerson(m, d)) return;
      await answer(d, m);
    });
  };

  const message: SlackHandlers["message"] = async ({ message, body, context }) => {
    await d.inFlight.run(async () => {
      if (alreadyTaken(d, body.event_id, context.retryNum)) return;
      const m = message as unknown as SlackMessageFields;
      if (!fromPerson(m, d)) return;
      if (m.channel_type !== "im") {
        if (mentionsUser(m.text ?? "", d.identity.botUserId)) return;
        const inThread = m.thread_ts !== undefined && m.thread_ts !== m.ts;
        if (!inThread || !(await threadAwaitsReply(d.store, slackConversation(m.channel, m.thread_ts)))) return;
      }
      await answer(d, m);
    });
  };
  return { mention, message };
}

async function answer(deps: SlackListenerDeps, m: SlackMessageFields): Promise<void> {
  const event = messageToEvent(m, deps.identity.botUserId);
  const threadTs = m.thread_ts ?? m.ts;
  // No permalink asked here: the engine asks for one only when the answer escalates (Transport.link).
  await answerEvent(deps, event, { kind: "thread", channel: m.channel, threadTs });
}
