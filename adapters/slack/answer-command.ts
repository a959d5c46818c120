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
 * response_url by way of the outbox, which retries it until it arrives.
 *
 * Ack first, write after: a turn that only changes the person's session is decided from reads alone
 * (`deferWrites`), answered in the acknowledgement, and only then written (claim, session, analytics,
 * audit line) in the next group commit, off the request's path. Its outbox row is written only when the
 * answer could not go in the acknowledgement (late, more than one message, or the connection closed
 * before the response was written); that row is delivered through response_url as before. A turn that
 * writes more (an escalation) is written before it is answered, its row marked delivered after the ack.
 * (Button presses cannot be answered this way: Slack ignores their ack body.)
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
  if (inline && first !== "late" && first) {
    const sent = await ack(inline).then(
      () => true,
      (error: unknown) => {
        deps.logger.warn("the acknowledgement did not leave; the answer follows through response_url", {
          eventId: event.eventId,
          error,
        });
        return false;
      },
    );
    if (sent && !first.settle) {
      if (first.delivery) await markDelivered(deps, first.delivery.id);
      return;
    }
    if (sent) {
      await settle(first, true);
      return;
    }
    await send(deps, event, await settle(first, false), target);
    return;
  }
  await ack().catch((error: unknown) => deps.logger.warn("the acknowledgement did not leave", { error }));
  const reply = first === "late" ? await answer : first;
  if (!reply) return;
  await send(deps, event, await settle(reply, false), target);
}

/**
 * Writes a deferred turn (with its outbox row when not `sent`) and returns the reply as it is to be
 * delivered: with its row, or without one when the store failed (then it is sent once, directly).
 */
async function settle(reply: EngineReply, sent: boolean): Promise<EngineReply> {
  const { settle: write, ...rest } = reply;
  if (!write) return rest;
  try {
    const delivery = await write(sent);
    return delivery ? { ...rest, delivery } : rest;
  } catch {
    // The engine logged what was lost; an answer still to send goes once, directly (sendReply queues it
    // again first, in case the store is back).
    return rest;
  }
}

async function send(deps: SlackListenerDeps, event: BotEvent, reply: EngineReply, target: ReplyTarget) {
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
    const reply = await deps.engine.handle(event, { replyTo: target, onPostFailed, deferWrites: true });
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
