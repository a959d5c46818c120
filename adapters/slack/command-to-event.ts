import type { SlashCommand } from "@slack/bolt";
import type { CommandEvent } from "../../src/core/bot-event.ts";
import { inboundText } from "./inbound-text.ts";
import { slackConversation } from "./message-to-event.ts";

/**
 * `/cp …` → CommandEvent. Slash commands have no thread (Slack does not allow them in threads) and their
 * answers are ephemeral, so the session is the person's own within the channel. trigger_id is unique per invocation and Slack never retries a command, so it
 * makes the event id.
 */
export function commandToEvent(command: SlashCommand): CommandEvent {
  return {
    kind: "command",
    eventId: `slack:cmd:${command.trigger_id}`,
    conversation: slackConversation(command.channel_id, undefined, command.user_id),
    user: command.user_name ? { id: command.user_id, name: command.user_name } : { id: command.user_id },
    text: inboundText(command.text ?? ""),
    // The name the workspace gave the command (SLACK_COMMAND documents it; Slack says which was used).
    ...(/^\/[a-z0-9_-]{1,31}$/.test(command.command ?? "") ? { command: command.command } : {}),
  };
}
