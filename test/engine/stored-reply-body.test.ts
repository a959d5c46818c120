import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Card } from "../../src/cards/card-schema.ts";
import { freezeCard } from "../../src/cards/frozen-card.ts";
import { storedReplyBody } from "../../src/engine/stored-reply-body.ts";

const card = (title: string): Card =>
  ({ kind: "overview", title, blocks: [{ type: "text", text: "Check the cable." }] }) satisfies Card;

describe("storedReplyBody", () => {
  it("makes a shared card's body once per way it is sent, and the body is the reply's JSON and its SHA-256", () => {
    const shared = freezeCard(card("Relay Stuck Closed (303-RSC)"));
    const first = storedReplyBody({ cards: [shared], mode: "new", visibility: "ephemeral" });
    const again = storedReplyBody({ cards: [shared], mode: "new", visibility: "ephemeral" });
    expect(again).toBe(first);
    expect(JSON.parse(first?.json ?? "null")).toEqual({ cards: [shared], mode: "new", visibility: "ephemeral" });
    const hash = createHash("sha256")
      .update(first?.json ?? "")
      .digest("hex");
    expect(first?.digest).toBe(`sha256:${hash}`);
    const shown = storedReplyBody({ cards: [shared], mode: "new", visibility: "in_channel" });
    expect(JSON.parse(shown?.json ?? "null")).toMatchObject({ visibility: "in_channel" });
    const privately = storedReplyBody({ cards: [shared], mode: "new", visibility: "ephemeral", privately: true });
    expect(JSON.parse(privately?.json ?? "null")).toMatchObject({ privately: true });
    expect(new Set([first?.digest, shown?.digest, privately?.digest]).size).toBe(3);
  });

  it("leaves every other reply to the store: a card not shared, two cards, a field it does not keep", () => {
    const shared = freezeCard(card("shared"));
    expect(storedReplyBody({ cards: [card("own")], mode: "new", visibility: "ephemeral" })).toBeUndefined();
    expect(storedReplyBody({ cards: [shared, shared], mode: "new", visibility: "ephemeral" })).toBeUndefined();
    expect(storedReplyBody({ cards: [], mode: "new", visibility: "ephemeral" })).toBeUndefined();
    const limited = { cards: [shared], mode: "new" as const, visibility: "ephemeral" as const, limited: true };
    expect(storedReplyBody(limited)).toBeUndefined();
  });
});
