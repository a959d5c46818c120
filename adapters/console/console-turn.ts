import { z } from "zod";
import type { Card } from "../../src/cards/card-schema.ts";
import type { BotEvent, ConversationRef } from "../../src/core/bot-event.ts";
import type { Engine } from "../../src/engine/create-engine.ts";
import type { Matcher, MatchResult } from "../../src/matcher/match-result.ts";
import type { PlaybookRegistry } from "../../src/playbooks/playbook-registry.ts";
import { cardToBlockKit, type SlackMessage } from "../slack/card-to-block-kit.ts";
import { type AdaptiveCard, cardToAdaptiveCard } from "../teams/card-to-adaptive-card.ts";
import type { ConsoleTransport } from "./console-transport.ts";

const id = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "must be 8 to 64 letters, digits or dashes");

/** What the playground sends: a typed message, or a card button with the card's input values. */
export const TurnRequestSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("message"), thread: id, eventId: id, text: z.string().trim().min(1).max(4000) }),
  z.strictObject({
    kind: z.literal("action"),
    thread: id,
    eventId: id,
    action: z.string().min(1).max(100),
    value: z.string().max(2000).optional(),
    inputs: z.record(z.string().max(100), z.string().max(4000)).optional(),
    messageId: z.string().max(100).optional(),
  }),
]);
export type TurnRequest = z.infer<typeof TurnRequestSchema>;

/** One answer card in the three forms the playground shows: Teams, Slack, and the neutral model. */
export interface ShownCard {
  messageId: string;
  kind: Card["kind"];
  title: string;
  adaptive: AdaptiveCard[];
  slack: SlackMessage[];
}

/** The "why this playbook" panel: the matcher's decision about the message. */
export interface WhyPanel {
  kind: MatchResult["kind"];
  playbook: { id: string; title: string } | null;
  confidence: number;
  alternatives: { id: string; title: string; confidence: number }[];
  explanation: MatchResult["explanation"];
}

export interface TurnResponse {
  mode: "new" | "replace";
  duplicate: boolean;
  cards: ShownCard[];
  /** Cards the engine posted into this thread besides the reply (an escalation notice). */
  posted: ShownCard[];
  why?: WhyPanel;
}

export const consoleUser = { id: "console-user", name: "Console user" };

function show(card: Card, messageId: string): ShownCard {
  return {
    messageId,
    kind: card.kind,
    title: card.title,
    adaptive: cardToAdaptiveCard(card),
    slack: cardToBlockKit(card),
  };
}

function eventOf(request: TurnRequest): BotEvent {
  const conversation: ConversationRef = { platform: "console", channelId: "console", threadId: request.thread };
  const base = { eventId: `console:${request.eventId}`, conversation, user: consoleUser };
  if (request.kind === "action") {
    return {
      kind: "action",
      ...base,
      action: request.action,
      ...(request.value !== undefined ? { value: request.value } : {}),
      ...(request.inputs && Object.keys(request.inputs).length > 0 ? { inputs: request.inputs } : {}),
      ...(request.messageId ? { messageId: request.messageId } : {}),
    };
  }
  // The same words as Slack's /cp, with or without the prefix when they start with it.
  if (/^\/cp(?:\s|$)/i.test(request.text))
    return { kind: "command", ...base, text: request.text.replace(/^\/cp\s*/i, "") };
  return { kind: "message", ...base, text: request.text };
}

export function whyPanel(result: MatchResult, registry: PlaybookRegistry): WhyPanel {
  const named = (playbook: string) => ({ id: playbook, title: registry.get(playbook)?.title ?? playbook });
  return {
    kind: result.kind,
    playbook: result.playbook ? named(result.playbook) : null,
    confidence: result.confidence,
    alternatives: result.alternatives.map((a) => ({ ...named(a.playbook), confidence: a.confidence })),
    explanation: result.explanation,
  };
}

/**
 * One playground turn: the request becomes a BotEvent of platform "console" in the tab's own thread, the
 * engine answers exactly as it answers Slack and Teams, and each card goes back as Adaptive Card and
 * Block Kit JSON. A repeated eventId (a double click, a retried request) is answered as a duplicate.
 */
export async function consoleTurn(
  request: TurnRequest,
  deps: { engine: Engine; matcher: Matcher; registry: PlaybookRegistry; transport: ConsoleTransport },
): Promise<TurnResponse> {
  const event = eventOf(request);
  const reply = await deps.engine.handle(event);
  const response: TurnResponse = {
    mode: reply.mode,
    duplicate: reply.duplicate === true,
    cards: reply.cards.map((card, i) =>
      show(
        card,
        i === 0 && reply.mode === "replace" && request.kind === "action" && request.messageId
          ? request.messageId
          : `${request.eventId}-${i}`,
      ),
    ),
    posted: deps.transport.collect(request.thread).map((p) => show(p.card, p.messageId)),
  };
  if (event.kind === "message") response.why = whyPanel(deps.matcher.match(event.text), deps.registry);
  return response;
}
