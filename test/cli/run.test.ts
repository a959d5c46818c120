import { describe, expect, it } from "vitest";
import { platformCredentials } from "../../adapters/cli/commands/run.ts";
import { main } from "../../adapters/cli/main.ts";
import { fakeIO } from "./cli-io.ts";

describe("cpbot run", () => {
  it("with no Slack or Teams credentials starts the terminal chat on SQLite and says why", async () => {
    const { io, stdout, stderr } = fakeIO("fault 303-RSC\n");
    expect(await main(["run"], io)).toBe(0);
    expect(stderr()).toContain("no Slack or Teams credentials (SLACK_BOT_TOKEN, MicrosoftAppId)");
    expect(stderr()).toContain(`starting the terminal chat on SQLite at ${io.env.DATABASE_URL}`);
    expect(stdout()).toContain("Relay Stuck Closed (303-RSC)");
  });

  it("names the credentials it found, never their values; empty values do not count", () => {
    expect(platformCredentials({})).toEqual([]);
    expect(platformCredentials({ SLACK_BOT_TOKEN: " ", MicrosoftAppId: "" })).toEqual([]);
    expect(platformCredentials({ SLACK_BOT_TOKEN: "xoxb-secret", MicrosoftAppId: "app" })).toEqual([
      "SLACK_BOT_TOKEN",
      "MicrosoftAppId",
    ]);
    // Teams settings may be given in upper snake case too.
    expect(platformCredentials({ MICROSOFT_APP_ID: "app" })).toEqual(["MICROSOFT_APP_ID"]);
  });
});
