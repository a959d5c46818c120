import type { Activity } from "botbuilder";
import type { Card } from "../../src/cards/card-schema.ts";
import type { MessageEvent } from "../../src/core/bot-event.ts";
import { errorCard } from "../../src/render/error-card.ts";
import { infoCard } from "../../src/render/info-card.ts";
import type { ConversationReferences } from "./conversation-references.ts";
import type { TeamsConfig } from "./teams-config.ts";

/**
 * `escalations here`, typed (with the @mention) in the Teams channel where Support works, makes that channel
 * the destination of escalation handoffs; it wins over TEAMS_ESCALATION_CONVERSATION.
 *
 * Who may run it: the people listed in TEAMS_ADMINS (AAD object ids or Teams user ids). When TEAMS_ADMINS
 * is empty, anyone may run it once, while no escalation channel is set at all (first setup); moving it
 * afterwards needs TEAMS_ADMINS, so a member cannot quietly divert escalations to a channel of their own.
 */
export function isEscalationsHereRequest(text: string): boolean {
  return /^(?:\/cp\s+)?escalations\s+here[.!]?$/i.test(text.trim());
}

export interface EscalationsHereInput {
  event: MessageEvent;
  activity: Activity;
  conversationType?: string;
  config: TeamsConfig;
  references: ConversationReferences;
  at: string;
}

export type EscalationsHereResult = { card: Card; changed: boolean };

export async function escalationsHere(input: EscalationsHereInput): Promise<EscalationsHereResult> {
  const { event, activity, config, references } = input;
  // The Emulator has no channels; letting it pick its chat makes escalations testable locally.
  const place = activity.channelId === "emulator" ? "channel" : input.conversationType;
  if (place !== "channel" && place !== "groupChat") {
    const message =
      "Type `escalations here` in the Teams channel (or group chat) where Support should receive escalations, mentioning me there.";
    return { card: errorCard(message, "invalid_input"), changed: false };
  }
  const current = (await references.escalationChannel())?.conversationId ?? config.escalationConversation;
  const ids = [event.user.id, activity.from?.id, activity.from?.aadObjectId].filter(Boolean);
  const isAdmin = ids.some((id) => config.admins.includes(id as string));
  if (!isAdmin && (config.admins.length > 0 || current)) {
    const why =
      config.admins.length > 0
        ? "Only the people listed in TEAMS_ADMINS can choose where escalations go."
        : "An escalation channel is already set; to move it, list the admins' ids in TEAMS_ADMINS (or set TEAMS_ESCALATION_CONVERSATION) and restart cpbot.";
    return { card: errorCard(`${why} Your id is ${event.user.id}.`, "invalid_input"), changed: false };
  }
  const channelId = event.conversation.channelId;
  if (current === channelId) {
    return {
      card: infoCard("Escalations already come here", [
        `New escalations are posted in this ${noun(place)} as new threads.`,
      ]),
      changed: false,
    };
  }
  await references.setEscalationChannel({ conversationId: channelId, setBy: event.user, at: input.at });
  const lines = [
    `From now on every escalation from Teams is posted in this ${noun(place)} as a new thread, with Claim, Need info and Resolve buttons.`,
    "Handoffs that could not be posted before are posted now.",
  ];
  if (current) lines.push(`Until now they went to ${current}.`);
  return { card: infoCard("Escalations will be posted here", lines), changed: true };
}

function noun(place: string | undefined): string {
  return place === "groupChat" ? "chat" : "channel";
}
