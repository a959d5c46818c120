import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHttpServer } from "../../../adapters/http/http-server.ts";
import { createSlackAdapter } from "../../../adapters/slack/create-slack-adapter.ts";
import { loadSlackConfig } from "../../../adapters/slack/slack-config.ts";
import type { BotEvent } from "../../../src/core/bot-event.ts";
import { silentLogger } from "../../../src/core/logger.ts";
import { openSqliteStore, type SqliteStore } from "../../../src/store/sqlite-store.ts";
import { FakeSlackApi } from "./fake-slack-api.ts";
import { botToken, escalationChannel, SlackHarness, sign, signingSecret } from "./slack-harness.ts";

let api: FakeSlackApi;
let store: SqliteStore;
beforeEach(async () => {
  api = new FakeSlackApi();
  await api.start();
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), "cpbot-slack-adapter-")), "cpbot.db"));
});
afterEach(async () => {
  await store.close();
  await api.close();
});

const env = () => ({
  SLACK_BOT_TOKEN: botToken,
  SLACK_ESCALATION_CHANNEL: escalationChannel,
  SLACK_API_URL: api.apiUrl,
});
const noRetries = { retryConfig: { retries: 0 } };

describe("createSlackAdapter", () => {
  it("learns its bot user from one auth.test at start-up, and Bolt makes no call of its own", async () => {
    const config = loadSlackConfig({ ...env(), SLACK_SIGNING_SECRET: signingSecret });
    const adapter = await createSlackAdapter({ config, store, logger: silentLogger, clientOptions: noRetries });
    expect(adapter.identity).toEqual({
      botUserId: "UCPBOT",
      botId: "BCPBOT",
      botName: "cpbot",
      teamId: "T0001",
      team: "Acme",
    });
    expect(api.calls.map((c) => c.method)).toEqual(["auth.test"]);
    expect(api.calls[0]?.token).toBe(botToken);
  });

  it("in Socket Mode mounts no HTTP route and opens no connection until started", async () => {
    const config = loadSlackConfig({ ...env(), SLACK_APP_TOKEN: "xapp-1-A0CPBOT01-1-abcdef" });
    const adapter = await createSlackAdapter({
      config,
      store,
      logger: silentLogger,
      identity: { botUserId: "UCPBOT", botId: "BCPBOT" },
      clientOptions: noRetries,
    });
    expect(adapter.summary).toContain("Slack (Socket Mode) as @UCPBOT");
    expect(
      adapter.connect({
        handle: async () => ({ cards: [], mode: "new", visibility: "ephemeral" }),
        retryPendingDeliveries: async () => {},
        home: async () => ({ title: "cpbot", sections: [] }),
        search: () => [],
        remindEscalations: async () => 0,
      }),
    ).toEqual([]);
    expect(api.calls).toEqual([]);
  });

  it("keeps no conversation state in Bolt (cpbot's sessions are in its database)", async () => {
    const config = loadSlackConfig({ ...env(), SLACK_SIGNING_SECRET: signingSecret });
    const adapter = await createSlackAdapter({
      config,
      store,
      logger: silentLogger,
      identity: { botUserId: "UCPBOT", botId: "BCPBOT" },
      clientOptions: noRetries,
    });
    // A global middleware runs after Bolt's own, so it sees whatever Bolt's conversation store put there.
    const contexts: Record<string, unknown>[] = [];
    adapter.app.use(async ({ context, next }) => {
      contexts.push({ ...context });
      await next();
    });
    const handled: BotEvent[] = [];
    const engine = {
      handle: async (event: BotEvent) => {
        handled.push(event);
        return { cards: [], mode: "new" as const, visibility: "ephemeral" as const };
      },
      retryPendingDeliveries: async () => {},
      home: async () => ({ title: "cpbot", sections: [] }),
      search: () => [],
      remindEscalations: async () => 0,
    };
    const server = createHttpServer({ routes: adapter.connect(engine), logger: silentLogger });
    const { port } = await server.listen(0, "127.0.0.1");
    try {
      const body = JSON.stringify({
        type: "event_callback",
        event_id: "Ev0CONVO1",
        team_id: "T0001",
        event: {
          type: "app_mention",
          user: "U0ANN",
          text: "<@UCPBOT> fault 303-RSC",
          ts: "1.000100",
          channel: "C0OPS",
        },
      });
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": sign(body, timestamp),
        },
        body,
      });
      expect(response.status).toBe(200);
      await adapter.idle();
      expect(handled.map((e) => (e.kind === "action" ? e.action : e.text))).toEqual(["fault 303-RSC"]);
      expect(contexts).toHaveLength(1);
      expect(contexts[0]).not.toHaveProperty("updateConversation");
      expect(contexts[0]).not.toHaveProperty("conversation");
    } finally {
      await server.close();
    }
  });

  it("in HTTP mode mounts Bolt's receiver on POST /slack/events of the shared server", async () => {
    const h = await SlackHarness.start();
    try {
      const get = await fetch(`${h.server.url}/slack/events`);
      expect(get.status).toBe(405);
      expect(get.headers.get("allow")).toBe("POST");
      // Bolt's HTTPReceiver answers: an unsigned request is refused.
      expect((await fetch(`${h.server.url}/slack/events`, { method: "POST", body: "{}" })).status).toBe(401);
    } finally {
      await h.close();
    }
  });
});
