import type { ConversationRef } from "../../src/core/bot-event.ts";
import { SessionStateSchema, sessionKey } from "../../src/engine/session-state.ts";
import type { Store } from "../../src/store/store.ts";

/**
 * With channels:history Slack sends cpbot every message in its channels. An unmentioned reply in a thread is
 * taken as meant for cpbot only while that thread's session waits for a person's answer: a walkthrough in
 * progress (a step's input, done/skip/back, "did that fix it?") or an escalation where Support asked for
 * information. Anything else is people talking to each other, and cpbot stays out of it.
 */
export async function threadAwaitsReply(store: Store, conversation: ConversationRef): Promise<boolean> {
  const key = sessionKey(conversation);
  const stored = await store.getSession(key);
  if (!stored) return false;
  const parsed = SessionStateSchema.safeParse(stored.state);
  const status = parsed.success ? parsed.data.walkthrough?.status : undefined;
  if (status === "active" || status === "awaiting-outcome") return true;
  return (await store.listEscalations({ status: ["need-info"], sessionKey: key })).length > 0;
}
