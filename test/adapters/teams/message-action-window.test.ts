import { describe, expect, it } from "vitest";
import { chatWithBotLink, messageActionWindow } from "../../../adapters/teams/message-action-window.ts";
import type { Card } from "../../../src/cards/card-schema.ts";
import { loadRegistry } from "../../../src/playbooks/playbook-registry.ts";
import { overviewCard } from "../../../src/render/overview-card.ts";
import { adaptiveCardValidator } from "../adaptive-card-schema.ts";

const validate = adaptiveCardValidator();
const registry = loadRegistry();
const bot = "28:9d5f3a0e-1c2b-4a6d-8e7f-0a1b2c3d4e5f";

const big = (n: number): Card => ({
  kind: "info",
  title: `Part ${n}`,
  blocks: [
    { type: "header", text: `Part ${n}` },
    { type: "text", text: `Lead line of part ${n}.` },
    ...Array.from({ length: 40 }, (_, i) => ({
      type: "text" as const,
      text: `Line ${i} of part ${n}: ${"x".repeat(400)}`,
    })),
  ],
});

describe("the Ask cpbot window when cpbot cannot post", () => {
  it("holds every card of the answer, keeps the fold-open button, and drops buttons that need cpbot", () => {
    const playbook = registry.get("relay-stuck-closed");
    if (!playbook) throw new Error("relay-stuck-closed missing");
    const second: Card = {
      kind: "info",
      title: "Second",
      blocks: [{ type: "text", text: "The second card's words." }],
    };
    const card = messageActionWindow(
      [overviewCard(playbook, { query: "fault 303-RSC" }), second],
      "fault 303-RSC",
      bot,
    );
    const json = JSON.stringify(card);
    expect(json).toContain("Relay Stuck Closed");
    expect(json).toContain("The second card's words.");
    expect(json).toContain("Action.ToggleVisibility");
    expect(json).not.toContain("Action.Submit");
    expect(card.actions?.at(-1)).toEqual({
      type: "Action.OpenUrl",
      title: "Continue in a chat with cpbot",
      url: chatWithBotLink(bot, "fault 303-RSC"),
    });
    expect(validate(card) ? [] : validate.errors).toEqual([]);
  });

  it("folds each card to its first lines when the whole answer would pass 40 KB, and still names every part", () => {
    const cards = [big(1), big(2), big(3)];
    const card = messageActionWindow(cards, "a very long question", bot);
    const json = JSON.stringify(card);
    expect(Buffer.byteLength(json, "utf16le")).toBeLessThanOrEqual(40 * 1024);
    for (const n of [1, 2, 3]) expect(json).toContain(`Lead line of part ${n}.`);
    expect(json).toContain("Shortened to fit the window.");
    expect(validate(card) ? [] : validate.errors).toEqual([]);
  });

  it("without a bot id there is no link; the hint says how to ask in a conversation instead", () => {
    const card = messageActionWindow([big(1)].slice(0, 1), "fault 303-RSC", undefined);
    const json = JSON.stringify(card);
    expect(json).not.toContain("Action.OpenUrl");
    expect(json).toContain("mention @cpbot in a conversation it is part of with: fault 303-RSC");
  });

  it("the chat link is Teams' deep link to the bot with the question filled in, a long paste shortened", () => {
    const url = new URL(chatWithBotLink("9d5f3a0e", `a&b=c ${"y".repeat(900)}`));
    expect(url.searchParams.get("users")).toBe("28:9d5f3a0e");
    expect(url.searchParams.get("message")?.startsWith("a&b=c ")).toBe(true);
    expect(url.searchParams.get("message")?.length).toBe(500);
  });
});
