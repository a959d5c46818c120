import { describe, expect, it } from "vitest";
import {
  actionOfActionId,
  markdownToHtml,
  mrkdwnToHtml,
  renderSlackBlocks,
} from "../../../adapters/console/client/slack-view.ts";
import { cardToBlockKit } from "../../../adapters/slack/card-to-block-kit.ts";
import type { Card } from "../../../src/cards/card-schema.ts";

describe("the console's Block Kit renderer", () => {
  it("turns Slack's marks into tags and never lets text become markup", () => {
    expect(mrkdwnToHtml("Open the *Stations* tab, then `303-RSC`")).toBe(
      "Open the <strong>Stations</strong> tab, then <code>303-RSC</code>",
    );
    // Slack text arrives with & < > escaped; a script tag stays text, and so does a mention token.
    expect(mrkdwnToHtml("&lt;script&gt;alert(1)&lt;/script&gt; &amp; <!here>")).toBe(
      "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;!here&gt;",
    );
    expect(mrkdwnToHtml("<https://example.com/a?b=1&amp;c=2|the guide>")).toBe(
      '<a href="https://example.com/a?b=1&amp;c=2" rel="noreferrer">the guide</a>',
    );
    expect(mrkdwnToHtml("<javascript:alert(1)|click>")).toBe("click");
    expect(markdownToHtml('**Stations** "tab" <b>')).toBe("<strong>Stations</strong> &quot;tab&quot; &lt;b&gt;");
  });

  it("renders a real card's blocks: header, text, fields, inputs and buttons carrying their action ids", () => {
    const card: Card = {
      kind: "step",
      title: "Step 1",
      blocks: [
        { type: "header", text: "Step 1 of 3" },
        { type: "text", text: "Open the **Status/Actions** tab <now>" },
        { type: "fields", fields: [{ label: "Fault", value: "303-RSC" }] },
        { type: "divider" },
        { type: "input", id: "latest_status", label: "Paste the port lines", placeholder: "1,J1772,…" },
        { type: "actions", buttons: [{ action: "walk.done", label: "Done", value: '{"step":"a"}', style: "primary" }] },
      ],
    };
    const [message] = cardToBlockKit(card);
    const html = renderSlackBlocks(message!.blocks, "m1");
    expect(html).toContain('<div class="sk-header">Step 1 of 3</div>');
    expect(html).toContain("<strong>Status/Actions</strong> tab &lt;now&gt;");
    expect(html).toContain("303-RSC");
    expect(html).toContain('<hr class="sk-divider">');
    expect(html).toContain('<label for="sk-m1-latest_status">Paste the port lines</label>');
    expect(html).toContain('data-input-id="latest_status"');
    expect(html).toMatch(
      /<button type="button" class="sk-button sk-primary" data-action-id="walk\.done:\d+" data-value="\{&quot;step&quot;:&quot;a&quot;\}">Done<\/button>/,
    );
    expect(actionOfActionId("walk.done:3")).toBe("walk.done");
    expect(renderSlackBlocks([{ type: "video" }])).toBe('<div class="sk-unsupported">(video block)</div>');
  });
});
