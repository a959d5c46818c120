import { describe, expect, it } from "vitest";
import { inboundText, mentionsUser } from "../../../adapters/slack/inbound-text.ts";

describe("Slack message text → what the person typed", () => {
  it("strips the bot's mention, with or without a label, and tidies the spaces", () => {
    expect(inboundText("<@UCPBOT> station screen says access denied", "UCPBOT")).toBe(
      "station screen says access denied",
    );
    expect(inboundText("hey <@UCPBOT|cpbot>  fault 303-RSC", "UCPBOT")).toBe("hey fault 303-RSC");
  });

  it("decodes the entities Slack adds, once", () => {
    expect(inboundText("A &lt; B &amp;&amp; C &gt; D")).toBe("A < B && C > D");
    expect(inboundText("literally &amp;lt;")).toBe("literally &lt;");
  });

  it("turns links and channel references back into text", () => {
    expect(inboundText("see <https://example.com/a?b=1|example.com/a> and <mailto:x@y.org|x@y.org>")).toBe(
      "see example.com/a and x@y.org",
    );
    expect(inboundText("<https://example.com/x>")).toBe("https://example.com/x");
    expect(inboundText("ask in <#C123ABC|noc> or <#C999ZZZ>")).toBe("ask in #noc or #C999ZZZ");
  });

  it("keeps other mentions as the tokens they are, so they are only ever shown escaped", () => {
    expect(inboundText("<@UCPBOT> <!channel> ask <@U0HACKER>", "UCPBOT")).toBe("<!channel> ask <@U0HACKER>");
  });

  it("keeps line breaks of a pasted status", () => {
    expect(inboundText("<@UCPBOT> line one \n  line two", "UCPBOT")).toBe("line one\nline two");
  });

  it("knows whether a text mentions a user", () => {
    expect(mentionsUser("thanks <@UCPBOT>", "UCPBOT")).toBe(true);
    expect(mentionsUser("thanks <@UCPBOT|cpbot>", "UCPBOT")).toBe(true);
    expect(mentionsUser("thanks <@UCPBOT2>", "UCPBOT")).toBe(false);
  });
});
