import type { AckFn, RespondArguments } from "@slack/bolt";
import type { BotEvent } from "../../src/core/bot-event.ts";
import type { EngineReply } from "../../src/core/transport.ts";
import { cardToBlockKit } from "./card-to-block-kit.ts";
import type { ReplyTarget } from "./deliver-reply.ts";
import { deliveryProblemCard, deliveryProblems } from "./delivery-problems.ts";
import { sendReply } from "./send-reply.ts";
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
 * response_url by way of the outbox, which retries it until it arrives. The engine stored the answer in
 * the outbox either way (leased to this process); an answer sent in the acknowledgement is marked
 * delivered there. (Button presses cannot be answered this way: Slack ignores their ack body.)
 */
export async function answerCommand(
  deps: SlackListenerDeps,
  event: BotEvent,
  ack: AckFn<string | RespondArguments>,
  target: Extract<ReplyTarget, { kind: "respond" }>,
  windowMs = inlineWindowMs,
): Promise<void> {
  const answer = decide(deps, event, target);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), windowMs);
  });
  const first = await Promise.race([answer, late]);
  clearTimeout(timer);
  const inline = first !== "late" ? inlineBody(first) : undefined;
  if (inline && first !== "late") {
    await ack(inline);
    if (first?.delivery) await markDelivered(deps, first.delivery.id);
    return;
  }
  await ack();
  const reply = first === "late" ? await answer : first;
  if (!reply) return;
  try {
    await sendReply(deps, reply, target);
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
async function decide(deps: SlackListenerDeps, event: BotEvent, target: ReplyTarget): Promise<EngineReply | undefined> {
  try {
    const { found, onPostFailed } = deliveryProblems();
    const reply = await deps.engine.handle(event, { replyTo: target, onPostFailed });
    if (reply.duplicate) {
      deps.logger.debug("event already handled; nothing sent", { eventId: event.eventId });
      return undefined;
    }
    const answer = { ...reply, cards: [...reply.cards, ...found.map(deliveryProblemCard)] };
    if (reply.delivery && found.length > 0) await deps.outbox?.amend(reply.delivery.id, answer);
    return answer;
  } catch (error) {
    deps.logger.error("could not answer in Slack", { eventId: event.eventId, kind: event.kind, error });
    return undefined;
  }
}

/**
 * The answer went out in the acknowledgement. If this write fails the row stays leased and, after the
 * lease, goes out once more through response_url: a rare second copy rather than a lost answer.
 */
async function markDelivered(deps: SlackListenerDeps, id: string): Promise<void> {
  try {
    await deps.outbox?.delivered(id);
  } catch (error) {
    deps.logger.warn("answered in the acknowledgement but could not mark it delivered", { delivery: id, error });
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
