import type { Card } from "../../../src/cards/card-schema.ts";

/** An overview card with what the Web API must carry intact: a broadcast to escape, Markdown, quotes, JSON. */
export const relayOverviewCard: Card = {
  kind: "overview",
  title: "Relay Stuck Closed (303-RSC)",
  blocks: [
    { type: "text", text: 'A port relay is stuck closed: <!here> & **reboot** once "then" replace it.' },
    { type: "fields", fields: [{ label: "Fault code", value: "`303-RSC`" }] },
    { type: "actions", buttons: [{ action: "walk.start", label: "Start walkthrough", value: '{"playbook":"relay"}' }] },
  ],
};
