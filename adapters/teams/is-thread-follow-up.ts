import type { ConversationRef } from "../../src/core/bot-event.ts";
import { SessionStateSchema, sessionKey } from "../../src/engine/session-state.ts";
import type { Store } from "../../src/store/store.ts";

/**
 * With the ChannelMessage.Read.Group permission Teams sends the bot every channel message, mentioned or
 * not. An unmentioned message is taken as meant for cpbot only while the thread is waiting for an answer
 * from the person: a walkthrough in progress (a step's input, done/skip, "did that fix it?") or a
 * "need info" escalation. Anything else is people talking to each other.
 */
export async function isThreadFollowUp(store: Store, conversation: ConversationRef): Promise<boolean> {
  const key = sessionKey(conversation);
  const parsed = SessionStateSchema.safeParse((await store.getSession(key))?.state);
  const status = parsed.success ? parsed.data.walkthrough?.status : undefined;
  if (status === "active" || status === "awaiting-outcome") return true;
  return (await store.listEscalations({ status: ["need-info"], sessionKey: key })).length > 0;
}
