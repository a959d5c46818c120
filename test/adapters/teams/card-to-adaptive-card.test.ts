import { describe, expect, it } from "vitest";
import { cardToAdaptiveCard, checkAdaptiveCardSize } from "../../../adapters/teams/card-to-adaptive-card.ts";
import type { Card } from "../../../src/cards/card-schema.ts";
import { adaptiveCardValidator } from "../adaptive-card-schema.ts";

const validate = adaptiveCardValidator();
const value = '{"session":"s1","step":"reboot"}';
const shell = { type: "AdaptiveCard", $schema: "http://adaptivecards.io/schemas/adaptive-card.json", version: "1.5" };

describe("cardToAdaptiveCard: exact Adaptive Card 1.5", () => {
  it("converts a walkthrough step card; the trailing buttons become the card's actions", () => {
    const card: Card = {
      kind: "step",
      title: "Step 2 of 5",
      blocks: [
        { type: "header", text: "Step 2 of 5" },
        { type: "divider" },
        { type: "text", text: "Reboot the station." },
        { type: "text", text: "DO NOT CLEAR THE MAINTENANCE FLAG.", style: "warning" },
        {
          type: "input",
          id: "answer",
          label: "Paste the port lines",
          placeholder: "1,J1772,…",
          multiline: true,
          error: "Empty",
        },
        {
          type: "actions",
          buttons: [
            { action: "walk.submit", label: "Submit", value, style: "primary" },
            { action: "escalate", label: "Escalate", style: "danger" },
          ],
        },
      ],
    };
    const cards = cardToAdaptiveCard(card);
    expect(cards).toEqual([
      {
        ...shell,
        body: [
          { type: "TextBlock", text: "Step 2 of 5", wrap: true, size: "Large", weight: "Bolder", style: "heading" },
          { type: "TextBlock", text: "Reboot the station.", wrap: true, separator: true },
          {
            type: "TextBlock",
            text: "⚠️ DO NOT CLEAR THE MAINTENANCE FLAG.",
            wrap: true,
            color: "Attention",
            weight: "Bolder",
          },
          { type: "TextBlock", text: "❌ Empty", wrap: true, color: "Attention" },
          {
            type: "Input.Text",
            id: "answer",
            label: "Paste the port lines",
            placeholder: "1,J1772,…",
            isMultiline: true,
          },
        ],
        actions: [
          { type: "Action.Submit", title: "Submit", data: { action: "walk.submit", value }, style: "positive" },
          { type: "Action.Submit", title: "Escalate", data: { action: "escalate" }, style: "destructive" },
        ],
      },
    ]);
    expect(validate(cards[0])).toBe(true);
  });

  it("converts fields, lists, steps, tables and muted text", () => {
    const card: Card = {
      kind: "overview",
      title: "T",
      blocks: [
        {
          type: "fields",
          fields: [
            { label: "Fault code", value: "303-RSC" },
            { label: "Reason", value: "" },
          ],
        },
        { type: "list", title: "Symptoms", items: ["Unavailable", "LED red"] },
        {
          type: "steps",
          title: "Solution",
          items: [
            {
              label: "1",
              text: "Open **Alarms**.",
              substeps: ["View"],
              notes: ["90 days"],
              warnings: ["Careful"],
              status: "current",
            },
          ],
        },
        { type: "table", columns: ["Category", "Subcategory"], rows: [["Retail", "Auto Dealership"]] },
        { type: "context", text: "From the guide" },
      ],
    };
    const [ac] = cardToAdaptiveCard(card);
    const cell = (text: string, bold = false) => ({
      type: "TableCell",
      items: [{ type: "TextBlock", text, wrap: true, ...(bold ? { weight: "Bolder" } : {}) }],
    });
    expect(ac).toEqual({
      ...shell,
      body: [
        {
          type: "FactSet",
          facts: [
            { title: "Fault code", value: "303-RSC" },
            { title: "Reason", value: "—" },
          ],
        },
        { type: "TextBlock", text: "Symptoms", wrap: true, weight: "Bolder" },
        { type: "TextBlock", text: "- Unavailable\r- LED red", wrap: true, spacing: "None" },
        { type: "TextBlock", text: "**Solution**", wrap: true, size: "Medium" },
        {
          type: "Container",
          style: "emphasis",
          items: [
            { type: "TextBlock", text: "▶️ **1.** Open **Alarms**.", wrap: true },
            { type: "TextBlock", text: "- View", wrap: true, spacing: "None" },
            { type: "TextBlock", text: "Note: 90 days", wrap: true, spacing: "None", isSubtle: true },
            { type: "TextBlock", text: "⚠️ Careful", wrap: true, spacing: "None", color: "Attention", weight: "Bolder" },
          ],
        },
        {
          type: "Table",
          columns: [{ width: 1 }, { width: 1 }],
          rows: [
            { type: "TableRow", cells: [cell("Category", true), cell("Subcategory", true)] },
            { type: "TableRow", cells: [cell("Retail"), cell("Auto Dealership")] },
          ],
          firstRowAsHeader: true,
        },
        { type: "TextBlock", text: "From the guide", wrap: true, isSubtle: true, size: "Small" },
      ],
    });
    expect(validate(ac)).toBe(true);
  });
});

describe("cardToAdaptiveCard: Teams limits", () => {
  it("groups more than five buttons into action sets of five in the body", () => {
    const buttons = Array.from({ length: 7 }, (_, i) => ({
      action: "open",
      label: `P${i}`,
      value: `{"playbook":"p${i}"}`,
    }));
    const [ac] = cardToAdaptiveCard({ kind: "did-you-mean", title: "D", blocks: [{ type: "actions", buttons }] });
    expect(ac?.actions).toBeUndefined();
    const sets = ac?.body.map((e) => (e.actions as unknown[]).length);
    expect(sets).toEqual([5, 2]);
    expect(ac?.body[0]?.actions).toContainEqual({
      type: "Action.Submit",
      title: "P1",
      data: { action: "open", value: '{"playbook":"p1"}' },
    });
    expect(validate(ac)).toBe(true);
  });

  it("continues a card over 40 KB in further cards, each valid, buttons on the last", () => {
    const card: Card = {
      kind: "escalation",
      title: "Big",
      blocks: [
        ...Array.from({ length: 12 }, (_, i) => ({ type: "text" as const, text: `${i} ${"é ".repeat(2000)}` })),
        { type: "actions", buttons: [{ action: "esc.claim", label: "Claim" }] },
      ],
    };
    const cards = cardToAdaptiveCard(card);
    expect(cards.length).toBeGreaterThan(1);
    for (const ac of cards) {
      expect(validate(ac)).toBe(true);
      expect(checkAdaptiveCardSize(ac).ok).toBe(true);
    }
    expect(cards.slice(0, -1).every((ac) => ac.actions === undefined)).toBe(true);
    expect(cards.at(-1)?.actions).toHaveLength(1);
    expect(cards[1]?.body[0]).toMatchObject({ text: `Big (continued, 2/${cards.length})`, isSubtle: true });
    const texts = cards.flatMap((ac) => ac.body.map((e) => String(e.text))).filter((t) => !t.startsWith("Big"));
    expect(texts).toEqual(card.blocks.flatMap((b) => (b.type === "text" ? [b.text] : [])));
  });

  it("measures size in UTF-16 bytes against Teams' 40 KB", () => {
    const ac = { ...shell, body: [{ type: "TextBlock", text: "x".repeat(20_400) }] } as const;
    const size = checkAdaptiveCardSize(ac as never);
    expect(size.limit).toBe(40 * 1024);
    expect(size.bytes).toBe(JSON.stringify(ac).length * 2);
    expect(size.ok).toBe(false);
  });
});

describe("the official 1.5 schema used by these tests", () => {
  it("rejects what Teams would reject, so a passing card means something", () => {
    expect(validate({ ...shell, body: [], msteams: { width: "Full" } })).toBe(false);
    expect(validate({ ...shell, body: [{ type: "TextBlock" }] })).toBe(false);
    expect(validate({ ...shell, body: [{ type: "Action.Submit", title: "x" }] })).toBe(false);
    expect(validate({ ...shell, body: [{ type: "TextBlock", text: "ok" }] })).toBe(true);
  });
});
