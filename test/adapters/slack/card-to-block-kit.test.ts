import { describe, expect, it } from "vitest";
import { actionOfActionId, cardToBlockKit, checkBlockKitLimits } from "../../../adapters/slack/card-to-block-kit.ts";
import type { Card } from "../../../src/cards/card-schema.ts";

const value = '{"session":"s1","step":"reboot"}';

describe("cardToBlockKit: exact Block Kit", () => {
  it("converts a walkthrough step card", () => {
    const card: Card = {
      kind: "step",
      title: "Step 2 of 5: Relay Stuck Closed",
      blocks: [
        { type: "context", text: "Relay Stuck Closed · Solution" },
        { type: "header", text: "Step 2 of 5" },
        { type: "divider" },
        { type: "text", text: "Reboot the station from the **Status/Actions** tab." },
        { type: "text", text: "DO NOT CLEAR THE MAINTENANCE FLAG.", style: "warning" },
        { type: "input", id: "answer", label: "Paste the port lines", placeholder: "1,J1772,…", multiline: true },
        { type: "actions", buttons: [{ action: "walk.submit", label: "Submit", value, style: "primary" }] },
        {
          type: "actions",
          buttons: [
            { action: "walk.done", label: "Done", value },
            { action: "escalate", label: "Escalate", value },
          ],
        },
      ],
    };
    expect(cardToBlockKit(card)).toEqual([
      {
        text: "Relay Stuck Closed · Solution\n\nStep 2 of 5\n\nReboot the station from the Status/Actions tab.\n\n⚠️  DO NOT CLEAR THE MAINTENANCE FLAG.\n\n✎ Paste the port lines (1,J1772,…)",
        blocks: [
          { type: "context", elements: [{ type: "mrkdwn", text: "Relay Stuck Closed · Solution" }] },
          { type: "header", text: { type: "plain_text", text: "Step 2 of 5", emoji: true } },
          { type: "divider" },
          {
            type: "section",
            text: { type: "mrkdwn", text: "Reboot the station from the *Status/Actions* tab." },
          },
          { type: "section", text: { type: "mrkdwn", text: "⚠️ *DO NOT CLEAR THE MAINTENANCE FLAG.*" } },
          {
            type: "input",
            block_id: "answer",
            label: { type: "plain_text", text: "Paste the port lines", emoji: true },
            element: {
              type: "plain_text_input",
              action_id: "answer",
              multiline: true,
              placeholder: { type: "plain_text", text: "1,J1772,…" },
            },
          },
          {
            type: "actions",
            elements: [
              {
                type: "button",
                text: { type: "plain_text", text: "Submit", emoji: true },
                action_id: "walk.submit:0",
                value,
                style: "primary",
              },
            ],
          },
          {
            type: "actions",
            elements: [
              {
                type: "button",
                text: { type: "plain_text", text: "Done", emoji: true },
                action_id: "walk.done:1",
                value,
              },
              {
                type: "button",
                text: { type: "plain_text", text: "Escalate", emoji: true },
                action_id: "escalate:2",
                value,
              },
            ],
          },
        ],
      },
    ]);
  });

  it("converts fields, lists, steps, tables and muted text", () => {
    const card: Card = {
      kind: "overview",
      title: "Just Charge",
      blocks: [
        {
          type: "fields",
          fields: [
            { label: "Fault code", value: "`303-RSC` Relay" },
            { label: "Reason", value: "" },
          ],
        },
        { type: "list", title: "Symptoms", items: ["Screen shows **Unavailable**", "LED solid red"] },
        {
          type: "steps",
          title: "Solution",
          items: [
            { label: "1", text: "Log in.", status: "done" },
            {
              label: "2",
              text: "Open **Alarms**.",
              substeps: ["Select View"],
              notes: ["Look back 90 days"],
              warnings: ["Do not clear"],
              status: "current",
            },
          ],
        },
        {
          type: "table",
          title: "Categories",
          columns: ["Category", "Subcategory"],
          rows: [
            ["Retail", "Auto Dealership"],
            ["Fleet", ""],
          ],
        },
        { type: "table", columns: ["Name", "Value", "Attempted"], rows: [["Usable by", "Just Charge", ""]] },
        { type: "text", text: "From the guide", style: "muted" },
      ],
    };
    const [message, ...rest] = cardToBlockKit(card);
    expect(rest).toEqual([]);
    expect(message?.blocks).toEqual([
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: "*Fault code*\n`303-RSC` Relay" },
          { type: "mrkdwn", text: "*Reason*\n—" },
        ],
      },
      { type: "section", text: { type: "mrkdwn", text: "*Symptoms*\n• Screen shows *Unavailable*\n• LED solid red" } },
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: "*Solution*\n✅ *1.* Log in.\n▶️ *2.* Open *Alarms*.\n      a. Select View\n      _Note:_ Look back 90 days\n      ⚠️ *Do not clear*",
        },
      },
      { type: "section", text: { type: "mrkdwn", text: "*Categories*" } },
      {
        type: "section",
        fields: [
          { type: "mrkdwn", text: "*Category*" },
          { type: "mrkdwn", text: "*Subcategory*" },
          { type: "mrkdwn", text: "Retail" },
          { type: "mrkdwn", text: "Auto Dealership" },
          { type: "mrkdwn", text: "Fleet" },
          { type: "mrkdwn", text: "—" },
        ],
      },
      { type: "section", text: { type: "mrkdwn", text: "• *Usable by* · Value: Just Charge" } },
      { type: "context", elements: [{ type: "mrkdwn", text: "From the guide" }] },
    ]);
  });

  it("escapes & < > everywhere it shows text, so mentions are shown and not acted on", () => {
    const card: Card = {
      kind: "info",
      title: "<!channel> & co",
      blocks: [
        { type: "header", text: "<!here> & <@U123>" },
        { type: "text", text: "ping <!channel> & <@U123> <https://x.example|click>" },
        { type: "actions", buttons: [{ action: "open", label: "<!everyone>" }] },
      ],
    };
    const [message] = cardToBlockKit(card);
    expect(message?.text).toBe(
      "&lt;!here&gt; &amp; &lt;@U123&gt;\n\nping &lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://x.example|click&gt;",
    );
    expect(message?.blocks).toEqual([
      { type: "header", text: { type: "plain_text", text: "&lt;!here&gt; &amp; &lt;@U123&gt;", emoji: true } },
      {
        type: "section",
        text: { type: "mrkdwn", text: "ping &lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://x.example|click&gt;" },
      },
      {
        type: "actions",
        elements: [
          { type: "button", text: { type: "plain_text", text: "&lt;!everyone&gt;", emoji: true }, action_id: "open:0" },
        ],
      },
    ]);
  });
});

describe("cardToBlockKit: content that does not fit", () => {
  it("splits a long text into sections of at most 3,000 characters at word breaks, losing nothing", () => {
    const words = Array.from({ length: 1400 }, (_, i) => `word${i}`).join(" ");
    const [message] = cardToBlockKit({ kind: "info", title: "Long", blocks: [{ type: "text", text: words }] });
    const texts = (message?.blocks ?? []).map((b) => (b.type === "section" ? (b.text?.text ?? "") : ""));
    expect(texts.length).toBeGreaterThan(3);
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(3000);
      expect(t).toMatch(/^word\d+( word\d+)*$/); // whole words only
    }
    expect(texts.join(" ")).toBe(words);
  });

  it("cuts only a single word longer than a section, and keeps emoji whole", () => {
    const word = "🚗".repeat(2000); // 4,000 UTF-16 units
    const [message] = cardToBlockKit({ kind: "info", title: "Long", blocks: [{ type: "text", text: word }] });
    const texts = (message?.blocks ?? []).map((b) => (b.type === "section" ? (b.text?.text ?? "") : ""));
    expect(texts.map((t) => t.length)).toEqual([3000, 1000]);
    expect(texts.join("")).toBe(word);
  });

  it("continues past 50 blocks in a second message with a fallback text, buttons last", () => {
    const card: Card = {
      kind: "list",
      title: "Many",
      blocks: [
        ...Array.from({ length: 60 }, (_, i) => ({ type: "text" as const, text: `Line ${i}` })),
        { type: "actions", buttons: [{ action: "open", label: "Open" }] },
      ],
    };
    const messages = cardToBlockKit(card);
    expect(messages).toHaveLength(2);
    expect(messages[0]?.blocks).toHaveLength(49);
    expect(messages[1]?.text).toBe("Many (continued, 2/2)");
    expect(messages[1]?.blocks[0]).toEqual({
      type: "context",
      elements: [{ type: "mrkdwn", text: "Many (continued, 2/2)" }],
    });
    expect(messages[1]?.blocks.at(-1)?.type).toBe("actions");
    for (const m of messages) expect(checkBlockKitLimits(m)).toEqual([]);
  });

  it("keeps an input in the same message as the Submit button after it", () => {
    const card: Card = {
      kind: "step",
      title: "Step",
      blocks: [
        ...Array.from({ length: 48 }, (_, i) => ({ type: "text" as const, text: `Line ${i}` })),
        { type: "input", id: "answer", label: "Paste" },
        { type: "actions", buttons: [{ action: "walk.submit", label: "Submit" }] },
      ],
    };
    const messages = cardToBlockKit(card);
    expect(messages).toHaveLength(2);
    expect(messages[1]?.blocks.map((b) => b.type)).toEqual(["context", "input", "actions"]);
  });

  it("splits a message by size as well as by block count (msg_blocks_too_long)", () => {
    const para = "x ".repeat(1400);
    const card: Card = {
      kind: "info",
      title: "Big",
      blocks: Array.from({ length: 8 }, () => ({ type: "text" as const, text: para })),
    };
    const messages = cardToBlockKit(card);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expect(checkBlockKitLimits(m)).toEqual([]);
  });

  it("groups fields ten to a section and gives a field over 2,000 characters its own section", () => {
    const fields = Array.from({ length: 12 }, (_, i) => ({ label: `F${i}`, value: `v${i}` }));
    const long = { label: "Pasted", value: "y ".repeat(1500) };
    const [message] = cardToBlockKit({
      kind: "info",
      title: "F",
      blocks: [{ type: "fields", fields: [...fields, long] }],
    });
    const shape = message?.blocks.map((b) => (b.type === "section" ? (b.fields?.length ?? "text") : b.type));
    expect(shape).toEqual([10, 2, "text", "text"]);
  });

  it("puts more than 25 buttons in further action blocks, every action_id unique", () => {
    const buttons = Array.from({ length: 30 }, (_, i) => ({ action: "open", label: `Playbook ${i}` }));
    const [message] = cardToBlockKit({ kind: "list", title: "B", blocks: [{ type: "actions", buttons }] });
    const sets = message?.blocks.filter((b) => b.type === "actions") ?? [];
    expect(sets.map((b) => (b.type === "actions" ? b.elements.length : 0))).toEqual([25, 5]);
    expect(message && checkBlockKitLimits(message)).toEqual([]);
  });

  it("shortens a button label over 75 characters at a word break", () => {
    const label = "Charging Station Out of Service Due to Relay Stuck Closed on a port after reboot";
    const [message] = cardToBlockKit({
      kind: "list",
      title: "B",
      blocks: [{ type: "actions", buttons: [{ action: "open", label }] }],
    });
    const block = message?.blocks[0];
    const text = block?.type === "actions" && block.elements[0]?.type === "button" ? block.elements[0].text.text : "";
    expect(text).toBe("Charging Station Out of Service Due to Relay Stuck Closed on a port after…");
  });

  it("turns a header over 150 characters into a bold section", () => {
    const [message] = cardToBlockKit({
      kind: "info",
      title: "H",
      blocks: [{ type: "header", text: "h ".repeat(100) }],
    });
    expect(message?.blocks[0]).toEqual({
      type: "section",
      text: { type: "mrkdwn", text: `*${"h ".repeat(100).trim()}*` },
    });
  });
});

describe("checkBlockKitLimits", () => {
  it("accepts a small valid message", () => {
    expect(checkBlockKitLimits({ text: "hi", blocks: [{ type: "divider" }] })).toEqual([]);
  });

  it("names each broken limit", () => {
    const button = (id: string, text: string) => ({
      type: "button",
      text: { type: "plain_text", text },
      action_id: id,
    });
    const problems = checkBlockKitLimits({
      text: "",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "h".repeat(151) } },
        { type: "section", text: { type: "mrkdwn", text: "" } },
        { type: "section", fields: Array.from({ length: 11 }, () => ({ type: "mrkdwn", text: "f" })) },
        { type: "actions", elements: [button("a:1", "x".repeat(76)), button("a:1", "ok")] },
        { type: "context", elements: [] },
        { type: "video" },
        ...Array.from({ length: 45 }, () => ({ type: "divider" })),
      ],
    });
    expect(problems).toEqual([
      "text: a fallback text is required",
      "blocks: 51 > 50",
      "blocks[0] header.text: 151 characters > 150",
      "blocks[1] section.text: empty",
      "blocks[2] section.fields: 11 > 10",
      'blocks[3] actions.action_id: "a:1" is not unique in the message',
      "blocks[3] actions.elements[0].text: 76 characters > 75",
      "blocks[4] context.elements: 0, must be 1..10",
      "blocks[5] video: block type this bot does not send",
    ]);
  });
});

describe("actionOfActionId", () => {
  it("recovers the card action from a numbered action_id", () => {
    expect(actionOfActionId("walk.choose:3")).toBe("walk.choose");
    expect(actionOfActionId("esc.need-info:12")).toBe("esc.need-info");
    expect(actionOfActionId("open")).toBe("open");
  });
});
