import type { types, ViewOutput } from "@slack/bolt";
import type { Card, CardBlock } from "../../src/cards/card-schema.ts";
import type { ConversationRef } from "../../src/core/bot-event.ts";
import type { EngineReply } from "../../src/core/transport.ts";
import { problemInputId } from "../../src/render/escalate-form-card.ts";
import type { SlackListenerDeps } from "./slack-listener-deps.ts";
import { escapeSlack } from "./slack-text.ts";

/**
 * "Escalate…" where no playbook is known makes the engine ask "What is wrong?" with a form card. In Slack
 * that question opens as a modal on the press's trigger_id instead (Teams and the terminal keep the card);
 * its Submit (on-escalate-view.ts) becomes the same engine action as the card's Submit.
 */
export const escalateModalCallbackId = "cpbot.escalate-form";
/** The input element's action_id; the block_id is the card input's id ("problem"). */
const valueId = "value";

/** The thread the question belongs to, carried through Slack in private_metadata. */
export interface EscalateOrigin {
  channel: string;
  threadTs?: string;
  /** Set when the form was asked on an ephemeral surface: the presser's private session. */
  privateTo?: string;
}

type InputBlock = Extract<CardBlock, { type: "input" }>;

/** The modal for an escalate-form card: its intro, and its input with the starting text and any error. */
export function escalateModal(card: Card, origin: EscalateOrigin): types.ModalView {
  const inputs = card.blocks.filter((b): b is InputBlock => b.type === "input");
  const intro = card.blocks.flatMap((b) => (b.type === "text" ? [b.text] : []));
  return {
    type: "modal",
    callback_id: escalateModalCallbackId,
    private_metadata: JSON.stringify(origin),
    title: { type: "plain_text", text: "Escalate to Support" },
    submit: { type: "plain_text", text: "Submit" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      ...intro.map((t): types.SectionBlock => ({ type: "section", text: { type: "mrkdwn", text: escapeSlack(t) } })),
      // Every input of the card (the problem, and the optional note), each block_id its input's id.
      ...inputs.map(
        (input): types.InputBlock => ({
          type: "input",
          block_id: input.id,
          ...(input.id === problemInputId ? {} : { optional: true }),
          label: { type: "plain_text", text: input.label },
          element: {
            type: "plain_text_input",
            action_id: valueId,
            multiline: input.multiline ?? input.id === problemInputId,
            max_length: Math.min(input.maxLength ?? 2000, 3000),
            ...(input.placeholder
              ? { placeholder: { type: "plain_text", text: input.placeholder.slice(0, 150) } }
              : {}),
            ...(input.initial ? { initial_value: input.initial } : {}),
          },
        }),
      ),
    ],
  };
}

/** What was typed in each of the modal's inputs, by input id; empty ones left out. */
export function readEscalateInputs(view: ViewOutput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, elements] of Object.entries(view.state.values)) {
    const value = elements[valueId]?.value;
    if (typeof value === "string" && value.trim()) out[id] = value.trim();
  }
  return out;
}

export function readEscalateOrigin(view: ViewOutput): EscalateOrigin | undefined {
  try {
    const o = JSON.parse(view.private_metadata) as Partial<EscalateOrigin>;
    if (typeof o.channel !== "string") return undefined;
    return {
      channel: o.channel,
      ...(typeof o.threadTs === "string" ? { threadTs: o.threadTs } : {}),
      ...(typeof o.privateTo === "string" ? { privateTo: o.privateTo } : {}),
    };
  } catch {
    return undefined;
  }
}

/**
 * Opens the reply's "What is wrong?" card as a modal and takes it out of the reply. The trigger_id lives
 * three seconds, which the engine's answer to a press leaves ample room for; when Slack refuses the modal
 * (expired trigger, a restricted workspace) the card is posted in the thread as before: never a dead end.
 */
export async function askInModal(
  deps: Pick<SlackListenerDeps, "client" | "logger">,
  reply: EngineReply,
  triggerId: string,
  conversation: ConversationRef,
): Promise<EngineReply> {
  const form = reply.cards.find((c) => c.kind === "escalate-form");
  if (!form) return reply;
  const origin: EscalateOrigin = {
    channel: conversation.channelId,
    ...(conversation.threadId ? { threadTs: conversation.threadId } : {}),
    ...(conversation.privateTo ? { privateTo: conversation.privateTo } : {}),
  };
  try {
    await deps.client.views.open({ trigger_id: triggerId, view: escalateModal(form, origin) });
  } catch (error) {
    deps.logger.warn("could not open the escalation question as a modal; posting the form instead", { error });
    return reply;
  }
  return { ...reply, cards: reply.cards.filter((c) => c !== form) };
}
