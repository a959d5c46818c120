import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { servePlatforms } from "../../../adapters/cli/commands/serve.ts";
import { type RunningServer, startServer } from "../../../adapters/http/start-server.ts";
import { slackPlatform } from "../../../adapters/slack/slack-platform.ts";
import { FakeSlackApi } from "../slack/fake-slack-api.ts";
import { botToken, escalationChannel, SlackHarness, signingSecret } from "../slack/slack-harness.ts";

let api: FakeSlackApi;
let running: RunningServer | undefined;
beforeEach(async () => {
  api = new FakeSlackApi();
  await api.start();
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  await api.close();
});

const database = () => join(mkdtempSync(join(tmpdir(), "cpbot-serve-")), "cpbot.db");

describe("startServer", () => {
  it("refuses to start with no platform configured, and says how to configure one", async () => {
    await expect(
      startServer({ env: { DATABASE_URL: database() }, cwd: process.cwd(), platforms: [slackPlatform()], port: 0 }),
    ).rejects.toThrow(/No chat platform is configured.*SLACK_BOT_TOKEN.*MicrosoftAppId/s);
  });

  it("serves Slack and Teams side by side: one server, both routes, each platform's own escalation channel", async () => {
    running = await startServer({
      env: {
        DATABASE_URL: database(),
        LOG_LEVEL: "silent",
        SLACK_BOT_TOKEN: botToken,
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_ESCALATION_CHANNEL: escalationChannel,
        SLACK_API_URL: api.apiUrl,
        MicrosoftAppId: "00000000-0000-4000-8000-000000000001",
        MicrosoftAppPassword: "not-a-real-password",
        MicrosoftAppType: "MultiTenant",
        TEAMS_ESCALATION_CONVERSATION: "19:support@thread.tacv2",
      },
      cwd: process.cwd(),
      platforms: await servePlatforms(),
      port: 0,
      host: "127.0.0.1",
    });
    // The web console runs beside them on every serve (here on loopback, so it is mounted).
    expect(running.adapters.map((a) => a.platform)).toEqual(["slack", "teams", "console"]);
    const health = (await (await fetch(`${running.url}/healthz`)).json()) as { platforms: string[] };
    expect(health.platforms).toEqual(["slack", "teams", "console"]);
    expect((await fetch(`${running.url}/console/`)).status).toBe(200);
    // Teams' route is mounted (and refuses a request without a Bot Framework token).
    expect((await fetch(`${running.url}/api/messages`, { method: "POST", body: "{}" })).status).not.toBe(404);

    // A Slack escalation goes to the Slack escalation channel, not to the Teams one.
    const before = api.calls.length;
    await running.engine.handle({
      kind: "command",
      eventId: "slack:cmd:test-1",
      conversation: { platform: "slack", channelId: "COPS00001" },
      user: { id: "UANN00001", name: "ann" },
      text: "escalate the charger at site 4 is dead",
    });
    const posts = api.calls.slice(before).filter((c) => c.method === "chat.postMessage");
    expect(posts.map((p) => p.body.channel)).toEqual([escalationChannel]);
  });

  it("CPBOT_ESCALATION_DESTINATION overrides SLACK_ESCALATION_CHANNEL", async () => {
    const h = await SlackHarness.start({ CPBOT_ESCALATION_DESTINATION: "COTHER0001" });
    try {
      const { envelope } = h.mention("escalate the charger at site 4 is dead");
      await h.event(envelope);
      expect(h.messagesIn("COTHER0001")).toHaveLength(1);
      expect(h.messagesIn(escalationChannel)).toEqual([]);
    } finally {
      await h.close();
    }
  });
});
