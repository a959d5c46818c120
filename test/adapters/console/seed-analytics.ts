import type { AnalyticsEvent, Store } from "../../../src/store/store.ts";

const day = 24 * 60 * 60 * 1000;

/**
 * A week of support traffic in the store: questions on three days (matched, did-you-mean, unmatched),
 * two relay-stuck-closed walkthroughs (one completed and fixed, one stopped at step 2 and escalated),
 * and one escalation claimed after 30 minutes and resolved after 2 hours. Awaited calls, so the seed
 * works on the synchronous store and on its promise-returning successor alike.
 */
export async function seedAnalytics(store: Store, now: Date): Promise<void> {
  const at = (daysAgo: number, minutes = 0) => new Date(now.getTime() - daysAgo * day + minutes * 60_000).toISOString();
  const pb = "relay-stuck-closed";
  const events: AnalyticsEvent[] = [
    { type: "question", at: at(3), platform: "slack", conversation: "slack:C1:1", text: "fault 303-RSC" },
    {
      type: "match",
      at: at(3),
      platform: "slack",
      conversation: "slack:C1:1",
      playbook: pb,
      confidence: 1,
      text: "fault 303-RSC",
    },
    { type: "walkthrough-start", at: at(3, 1), platform: "slack", conversation: "slack:C1:1", playbook: pb },
    {
      type: "step",
      at: at(3, 2),
      platform: "slack",
      conversation: "slack:C1:1",
      playbook: pb,
      step: "log-in",
      action: "done",
    },
    { type: "walkthrough-complete", at: at(3, 3), platform: "slack", conversation: "slack:C1:1", playbook: pb },
    { type: "resolved", at: at(3, 4), platform: "slack", conversation: "slack:C1:1", playbook: pb },
    { type: "question", at: at(2), platform: "teams", conversation: "teams:19a", text: "relay stuck closed again" },
    {
      type: "match",
      at: at(2),
      platform: "teams",
      conversation: "teams:19a",
      playbook: pb,
      confidence: 0.9,
      text: "relay stuck closed again",
    },
    { type: "walkthrough-start", at: at(2, 1), platform: "teams", conversation: "teams:19a", playbook: pb },
    {
      type: "step",
      at: at(2, 2),
      platform: "teams",
      conversation: "teams:19a",
      playbook: pb,
      step: "log-in",
      action: "done",
    },
    {
      type: "step",
      at: at(2, 3),
      platform: "teams",
      conversation: "teams:19a",
      playbook: pb,
      step: "open-stations",
      action: "done",
    },
    { type: "escalation", at: at(2, 4), platform: "teams", conversation: "teams:19a", playbook: pb, action: "open" },
    { type: "question", at: at(1), platform: "slack", conversation: "slack:C1:2", text: "station is weird" },
    {
      type: "ambiguous",
      at: at(1),
      platform: "slack",
      conversation: "slack:C1:2",
      playbook: pb,
      confidence: 0.4,
      text: "station is weird",
    },
    { type: "question", at: at(1, 5), platform: "slack", conversation: "slack:C1:3", text: "how do I bake bread" },
    { type: "abstain", at: at(1, 5), platform: "slack", conversation: "slack:C1:3", text: "how do I bake bread" },
    { type: "question", at: at(1, 9), platform: "slack", conversation: "slack:C1:4", text: "how do I bake bread" },
    { type: "abstain", at: at(1, 9), platform: "slack", conversation: "slack:C1:4", text: "how do I bake bread" },
  ];
  for (const event of events) await store.recordEvent(event);
  const requester = { id: "U1", name: "ann" };
  const { escalation } = await store.createEscalation({
    idempotencyKey: "seed:1",
    sessionKey: "teams:19a",
    playbook: pb,
    requester,
    origin: { platform: "teams", channelId: "19a", permalink: "https://teams.microsoft.com/l/message/19a/1" },
    handoff: {
      trigger: "button",
      question: "relay stuck closed again",
      stepsDone: [],
      stepsSkipped: [],
      inputs: [],
      evidence: [],
    },
    at: at(2, 4),
  });
  const lead = { id: "U2", name: "lee" };
  await store.transitionEscalation(escalation.id, { to: "claimed", by: lead, at: at(2, 34) });
  await store.transitionEscalation(escalation.id, { to: "resolved", by: lead, at: at(2, 124), note: "replaced relay" });
}
