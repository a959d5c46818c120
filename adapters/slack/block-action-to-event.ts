import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { ActionEvent } from "../../src/core/bot-event.ts";
import { actionOfActionId } from "./card-to-block-kit.ts";
import { slackConversation } from "./message-to-event.ts";

/** Where the pressed button was, so the reply can update that message or answer beside it. */
export interface ActionSurface {
  channel: string;
  /** The message the button was on (ephemeral messages have a ts but cannot be edited with chat.update). */
  messageTs?: string;
  /** The thread the message is in, or the message itself at top level; absent for an ephemeral message. */
  threadTs?: string;
  ephemeral: boolean;
}

interface Container {
  type?: string;
  channel_id?: string;
  message_ts?: string;
  thread_ts?: string;
  is_ephemeral?: boolean;
}

/**
 * A button press → ActionEvent. The verb comes back from the action_id (`walk.done:3`), the payload from
 * the button's value, and what the person typed from `state.values[block_id][action_id]`, keyed by the
 * input's id (the block_id the card converter gave it).
 */
export function blockActionToEvent(
  body: BlockAction,
  action: ButtonAction,
): { event: ActionEvent; surface: ActionSurface } | undefined {
  const container = (body.container ?? {}) as Container;
  const channel = container.channel_id ?? body.channel?.id;
  if (!channel) return undefined;
  const ephemeral = container.is_ephemeral === true || !body.message;
  const messageTs = container.message_ts ?? body.message?.ts;
  // An ephemeral message is not part of any thread's history; it belongs to the presser's private session.
  const threadTs = ephemeral
    ? container.thread_ts
    : ((body.message?.thread_ts as string | undefined) ?? body.message?.ts ?? container.thread_ts);
  const inputs: Record<string, string> = {};
  for (const [blockId, elements] of Object.entries(body.state?.values ?? {})) {
    for (const state of Object.values(elements)) {
      if (typeof state.value === "string") inputs[blockId] = state.value;
    }
  }
  const name = body.user.name ?? body.user.username;
  const event: ActionEvent = {
    kind: "action",
    eventId: `slack:act:${body.trigger_id}`,
    conversation: slackConversation(channel, threadTs, ephemeral ? body.user.id : undefined),
    user: name ? { id: body.user.id, name } : { id: body.user.id },
    action: actionOfActionId(action.action_id),
    ...(action.value !== undefined ? { value: action.value } : {}),
    ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
    ...(messageTs ? { messageId: messageTs } : {}),
  };
  return {
    event,
    surface: { channel, ephemeral, ...(messageTs ? { messageTs } : {}), ...(threadTs ? { threadTs } : {}) },
  };
}
