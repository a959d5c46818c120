import { afterEach, describe, expect, it } from "vitest";
import { loadSlackConfig } from "../../../adapters/slack/slack-config.ts";
import { SlackHarness } from "./slack-harness.ts";

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("renaming the slash command", () => {
  it("help names the command as the workspace calls it", async () => {
    h = await SlackHarness.start({ SLACK_COMMAND: "/chargepoint" });
    await h.command({ ...h.slash("help", "help1"), command: "/chargepoint" });
    const help = JSON.stringify(h.responsesTo("help1"));
    expect(help).toContain("/chargepoint fault &lt;code&gt;");
    expect(help).toContain("/chargepoint help");
    expect(help).not.toMatch(/\/cp\b/);
  });

  it("the Home tab tells people to use the SLACK_COMMAND name", async () => {
    h = await SlackHarness.start({ SLACK_COMMAND: "/chargepoint" });
    await h.event({
      type: "event_callback",
      event_id: "EvHOMENAME1",
      event: { type: "app_home_opened", user: "UANN00001", channel: "DHOME0001", tab: "home" },
    });
    const view = JSON.stringify(h.api.callsOf("views.publish")[0]?.body.view);
    expect(view).toContain("/chargepoint fault 303-RSC");
    expect(view).not.toMatch(/\/cp\b/);
  });

  it("/cp stays the default, and a malformed SLACK_COMMAND is refused with the rule", () => {
    const base = {
      SLACK_BOT_TOKEN: "xoxb-1-2-abc",
      SLACK_SIGNING_SECRET: "8f742231b10e8888abc8d99efab4a85a",
      SLACK_ESCALATION_CHANNEL: "C0123ABCD",
    };
    expect(loadSlackConfig(base).command).toBe("/cp");
    expect(loadSlackConfig({ ...base, SLACK_COMMAND: "/charge-point" }).command).toBe("/charge-point");
    expect(() => loadSlackConfig({ ...base, SLACK_COMMAND: "cp" })).toThrow(
      /SLACK_COMMAND must be the slash command exactly as in the app's manifest.*\(given: "cp"\)/,
    );
    expect(() => loadSlackConfig({ ...base, SLACK_COMMAND: "/Charge Point" })).toThrow(/SLACK_COMMAND/);
  });
});
