import { describe, expect, it } from "vitest";
import { cardToText } from "../../../adapters/cli/card-to-text.ts";
import type { Card } from "../../../src/cards/card-schema.ts";

const card: Card = {
  kind: "overview",
  title: "Relay Stuck Closed",
  blocks: [
    { type: "header", text: "Relay Stuck Closed" },
    { type: "text", text: "Reboot once, then replace the **station head**." },
    {
      type: "fields",
      fields: [
        { label: "Fault code", value: "`303-RSC`" },
        { label: "Station status", value: "Needs Service" },
      ],
    },
    { type: "divider" },
    {
      type: "steps",
      title: "Solution",
      items: [
        {
          label: "1",
          text: "Pull the latest status.",
          substeps: ["Check 'outlet'"],
          notes: ["No remote fix"],
          status: "done",
        },
        { label: "2", text: "Reboot.", warnings: ["DO NOT CLEAR THE MAINTENANCE FLAG."] },
      ],
    },
    {
      type: "table",
      title: "Categories",
      columns: ["Category", "Subcategory"],
      rows: [
        ["Retail", "Auto Dealership"],
        ["Fleet", "Car Sharing"],
      ],
    },
    { type: "input", id: "answer", label: "Paste the port lines", placeholder: "1,J1772,…" },
    {
      type: "actions",
      buttons: [
        { action: "walk.start", label: "Start walkthrough", value: '{"playbook":"relay-stuck-closed"}' },
        { action: "escalate", label: "Escalate" },
      ],
    },
    { type: "actions", buttons: [{ action: "alternatives", label: "Not this one?" }] },
  ],
};

describe("cardToText", () => {
  it("renders a card as readable plain text with numbered buttons", () => {
    const { text, buttons } = cardToText(card);
    expect(text).toBe(
      [
        "Relay Stuck Closed",
        "==================",
        "",
        "Reboot once, then replace the station head.",
        "",
        "Fault code:     `303-RSC`",
        "Station status: Needs Service",
        "",
        "—".repeat(40),
        "",
        "Solution:",
        "  ✓ 1. Pull the latest status.",
        "     a. Check 'outlet'",
        "     Note: No remote fix",
        "  2. Reboot.",
        "     ⚠️  DO NOT CLEAR THE MAINTENANCE FLAG.",
        "",
        "Categories",
        "  Category | Subcategory",
        "  ---------+----------------",
        "  Retail   | Auto Dealership",
        "  Fleet    | Car Sharing",
        "",
        "✎ Paste the port lines (1,J1772,…)",
        "",
        "[1] Start walkthrough",
        "[2] Escalate",
        "",
        "[3] Not this one?",
      ].join("\n"),
    );
    // buttons[n - 1] is what "[n]" stands for, so the terminal maps a typed number to an action.
    expect(buttons.map((b) => b.action)).toEqual(["walk.start", "escalate", "alternatives"]);
    expect(buttons[0]?.value).toBe('{"playbook":"relay-stuck-closed"}');
  });

  it("leaves the buttons out of a notification fallback but still returns them", () => {
    const { text, buttons } = cardToText(card, { withButtons: false });
    expect(text).not.toContain("[1]");
    expect(buttons).toHaveLength(3);
  });

  it("opens with the title when the card has no header", () => {
    const { text } = cardToText({
      kind: "escalation-status",
      title: "Escalation E1: Claimed",
      blocks: [{ type: "text", text: "Sam claimed it." }],
    });
    expect(text).toBe("Escalation E1: Claimed\n\nSam claimed it.");
  });

  it("shows a wide table one cell per line instead of wrapping columns", () => {
    const wide = "w".repeat(120);
    const { text } = cardToText({
      kind: "info",
      title: "T",
      blocks: [{ type: "table", columns: ["A", "B"], rows: [["1", wide]] }],
    });
    expect(text).toBe(`T\n\n  A: 1\n  B: ${wide}`);
  });
});
