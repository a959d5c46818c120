import type { Card } from "../cards/card-schema.ts";
import { deepFreeze, isSharedCard, perSharedCard } from "../cards/frozen-card.ts";
import type { BotEvent } from "../core/bot-event.ts";
import { cleanUserText } from "../core/clean-user-text.ts";
import type { EngineReply } from "../core/transport.ts";
import { sessionKey } from "../engine/session-state.ts";
import type { AnalyticsEvent } from "../store/store.ts";
import { answerDigest } from "./answer-digest.ts";

/** What a turn's answer looked like, kept so a conversation can be read back or replayed as a test. */
export interface ShownCard {
  kind: Card["kind"];
  title: string;
  buttons: { action: string; label: string; value?: string }[];
}

/** The `data` of an "audit" event whose action is "answer": one turn of a conversation. */
export interface TurnData {
  action: "answer";
  eventId: string;
  input: { kind: BotEvent["kind"]; text?: string; action?: string; value?: string; inputs?: Record<string, string> };
  cards: ShownCard[];
  digest: string;
  mode: EngineReply["mode"];
}

/**
 * One answered turn as an append-only audit event: who said or pressed what, in which thread, the cards
 * that went back, and their content hash. Duplicates (a platform retry) sent nothing and are not recorded.
 */
export function turnRecord(event: BotEvent, reply: Pick<EngineReply, "cards" | "mode">, at: string): AnalyticsEvent {
  // The same cleaning the engine applies before it stores a question: no control characters, tokens masked.
  const text = event.kind !== "action" ? cleanUserText(event.text).text : undefined;
  const input: TurnData["input"] =
    event.kind === "action"
      ? {
          kind: "action",
          action: event.action,
          ...(event.value !== undefined ? { value: event.value } : {}),
          ...(event.inputs ? { inputs: event.inputs } : {}),
        }
      : { kind: event.kind, text };
  const data: TurnData = {
    action: "answer",
    eventId: event.eventId,
    input,
    cards: reply.cards.map(shownCard),
    digest: answerDigest(reply.cards),
    mode: reply.mode,
  };
  return {
    type: "audit",
    at,
    platform: event.conversation.platform,
    conversation: sessionKey(event.conversation),
    user: event.user.id,
    ...(text !== undefined ? { text } : {}),
    data,
  };
}

/** What the audit keeps of a card; a shared card's is kept with it (frozen, as the card is). */
const shownCard = perSharedCard((card) => {
  const shown = describeCard(card);
  return isSharedCard(card) ? deepFreeze(shown) : shown;
});

function describeCard(card: Card): ShownCard {
  const buttons = card.blocks.flatMap((b) =>
    b.type === "actions"
      ? b.buttons.map((x) => ({
          action: x.action,
          label: x.label,
          ...(x.value !== undefined ? { value: x.value } : {}),
        }))
      : [],
  );
  return { kind: card.kind, title: card.title, buttons };
}
