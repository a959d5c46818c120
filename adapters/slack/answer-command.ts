import type { AckFn, RespondArguments } from "@slack/bolt";
import type { BotEvent } from "../../src/core/bot-event.ts";
import type { EngineReply } from "../../src/core/transport.ts";
import { cardToBlockKit } from "./card-to-block-kit.ts";
import { deliverReply, type ReplyTarget } from "./deliver-reply.ts";
import { collectDeliveryProblems, deliveryProblemCard } from "./delivery-problems.ts";
import { slackErrorCode } from "./slack-api-error.ts";
import type { SlackListenerDeps } from "./slack-listener-deps.ts";

/**
 * How long a slash command waits for its answer before acknowledging without it. Slack gives up after
 * 3 s; the rest is for the answer to travel.
 */
export const inlineWindowMs = 2000;

/**
 * A slash command answered in the acknowledgement itself when the answer is ready in time and is one
 * message: no response_url round trip, and nothing to lose if response_url or the Web API is failing.
 * Otherwise the acknowledgement goes out empty within the window and the answer follows through
 * response_url, as before. (Button presses cannot be answered this way: Slack ignores their ack body.)
 */
export async function answerCommand(
  deps: SlackListenerDeps,
  event: BotEvent,
  ack: AckFn<string | RespondArguments>,
  target: Extract<ReplyTarget, { kind: "respond" }>,
  windowMs = inlineWindowMs,
): Promise<void> {
  const answer = decide(deps, event);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), windowMs);
  });
  const first = await Promise.race([answer, late]);
  clearTimeout(timer);
  const inline = first !== "late" ? inlineBody(first) : undefined;
  if (inline) {
    await ack(inline);
    return;
  }
  await ack();
  const reply = first === "late" ? await answer : first;
  if (!reply) return;
  try {
    await deliverReply(deps, reply, target);
  } catch (error) {
    deps.logger.error("could not answer in Slack", {
      eventId: event.eventId,
      kind: event.kind,
      channel: event.conversation.channelId,
      ...(slackErrorCode(error) ? { code: slackErrorCode(error) } : {}),
      error,
    });
  }
}

/** The engine's reply with the escalation channel's refusals added; undefined when nothing is to be said. */
async function decide(deps: SlackListenerDeps, event: BotEvent): Promise<EngineReply | undefined> {
  try {
    const { result: reply, found } = await collectDeliveryProblems(() => deps.engine.handle(event));
    if (reply.duplicate) {
      deps.logger.debug("event already handled; nothing sent", { eventId: event.eventId });
      return undefined;
    }
    return { ...reply, cards: [...reply.cards, ...found.map(deliveryProblemCard)] };
  } catch (error) {
    deps.logger.error("could not answer in Slack", { eventId: event.eventId, kind: event.kind, error });
    return undefined;
  }
}

/** The acknowledgement body for a reply that is exactly one Slack message; undefined otherwise. */
function inlineBody(reply: EngineReply | undefined): RespondArguments | undefined {
  if (!reply || reply.cards.length === 0) return undefined;
  const messages = reply.cards.flatMap((card) => cardToBlockKit(card));
  const [only] = messages;
  if (!only || messages.length > 1) return undefined;
  return {
    response_type: reply.visibility === "in_channel" ? "in_channel" : "ephemeral",
    text: only.text,
    blocks: only.blocks,
  };
}
