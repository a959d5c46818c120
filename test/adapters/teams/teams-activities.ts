import type { Activity } from "botbuilder";
import { type ConnectorCall, FakeConnector } from "./fake-connector.ts";
import { fixture } from "./teams-harness.ts";

export const ann = {
  id: "29:1vK3bX8o2Qm6tYpL0aZr5cJ9uH4nE7wFgS2dR1kT6yM8qB3xV0iN5oP7lA9sC4eD6fG2hJ1",
  name: "Ann Lee",
  aadObjectId: "6b1f2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
};
export const sue = {
  id: "29:7pQ2wE4rT6yU8iO0pA1sD3fG5hJ7kL9zX2cV4bN6mQ8wE0rT2yU4iO6pA8sD0fG2hJ4k",
  name: "Sue Park (Support)",
  aadObjectId: "0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d",
};

type Account = typeof ann;
let seq = 0;

/** Every Action.Submit on an Adaptive Card: in action sets in the body and in the card's own actions. */
export function submitActions(card: Record<string, unknown>): { title: string; data: Record<string, unknown> }[] {
  const found: { title: string; data: Record<string, unknown> }[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (o.type === "Action.Submit") found.push({ title: String(o.title), data: o.data as Record<string, unknown> });
    for (const value of Object.values(o)) visit(value);
  };
  visit(card);
  return found;
}

/** The titles of the buttons in a connector call's cards. */
export function buttonTitles(call: ConnectorCall | undefined): string[] {
  return call ? FakeConnector.cardsOf(call).flatMap((c) => submitActions(c).map((a) => a.title)) : [];
}

/**
 * What Teams sends when a person presses `title` on the card in `call`: a message activity whose value is
 * the button's data merged with the inputs, replyToId = the card's message id, in the card's conversation.
 */
export function pressActivity(
  call: ConnectorCall | undefined,
  title: string,
  options: { messageId: string; conversationId: string; from?: Account; inputs?: Record<string, string> },
): Activity {
  const action = call
    ? FakeConnector.cardsOf(call)
        .flatMap(submitActions)
        .find((a) => a.title === title)
    : undefined;
  if (!action) throw new Error(`no "${title}" button; have ${buttonTitles(call).join(", ")}`);
  const activity = fixture("action-submit");
  activity.id = `f:submit-${++seq}`;
  activity.from = options.from ?? ann;
  activity.replyToId = options.messageId;
  activity.conversation = { ...activity.conversation, id: options.conversationId };
  activity.value = { ...action.data, ...options.inputs };
  return activity;
}

/** A channel message in the thread of `conversationId`, mentioning cpbot unless `mention` is false. */
export function channelMessage(
  text: string,
  options: { conversationId?: string; from?: Account; mention?: boolean } = {},
): Activity {
  const activity = fixture("channel-mention");
  activity.id = String(1741078900000 + ++seq);
  activity.from = options.from ?? ann;
  if (options.conversationId) activity.conversation = { ...activity.conversation, id: options.conversationId };
  if (options.mention === false) {
    activity.text = text;
    activity.entities = (activity.entities ?? []).filter((e) => e.type !== "mention");
  } else {
    activity.text = `<at>cpbot</at> ${text}`;
  }
  return activity;
}
