import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { servePlatforms } from "../../../adapters/cli/commands/serve.ts";
import { type RunningServer, startServer } from "../../../adapters/http/start-server.ts";
import { BotFrameworkTokens } from "./bot-framework-tokens.ts";
import { FakeConnector } from "./fake-connector.ts";
import { appId, appPassword, fixture, serviceUrl } from "./teams-harness.ts";

let running: RunningServer | undefined;
let connector: FakeConnector;
let tokens: BotFrameworkTokens;
const logs: string[] = [];

beforeAll(async () => {
  tokens = await BotFrameworkTokens.create();
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  connector.dispose();
  logs.length = 0;
});
afterAll(() => nock.cleanAll());

const database = () => join(mkdtempSync(join(tmpdir(), "cpbot-teams-serve-")), "cpbot.db");

async function serve(env: Record<string, string>, host?: string): Promise<RunningServer> {
  return startServer({
    env: { DATABASE_URL: database(), LOG_LEVEL: "info", ...env },
    cwd: process.cwd(),
    platforms: await servePlatforms(),
    port: 0,
    ...(host ? { host } : {}),
    write: (line) => logs.push(line),
    retryEveryMs: 60_000,
  });
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });

describe("cpbot serve with only Teams configured", () => {
  it("runs authenticated: JWTs checked on the way in, MSAL tokens for the app on the way out", async () => {
    connector = new FakeConnector();
    // The client-credentials token request MSAL makes for the bot's app id and password.
    const login = nock("https://login.microsoftonline.com")
      .post(
        "/botframework.com/oauth2/v2.0/token",
        (body) => body.client_id === appId && body.client_secret === appPassword,
      )
      .query(true)
      .reply(200, { token_type: "Bearer", expires_in: 3600, ext_expires_in: 3600, access_token: "msal-access-token" });
    running = await serve({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: appPassword,
      MicrosoftAppType: "MultiTenant",
      TEAMS_ESCALATION_CONVERSATION: "19:support@thread.tacv2",
    });
    expect(running.adapters.map((a) => a.platform)).toEqual(["teams", "console"]); // the web console is a platform of every serve;
    expect(running.summary.join("\n")).toContain(`Teams: POST /api/messages for app ${appId}`);

    expect((await post(running.url, fixture("channel-mention"))).status).toBe(401);
    expect(connector.calls).toEqual([]);
    const res = await post(running.url, fixture("channel-mention"), await tokens.header({ appId, serviceUrl }));
    expect(res.status).toBe(200);
    expect(login.isDone()).toBe(true);
    expect(connector.calls.map((c) => c.authorization)).toEqual(["Bearer msal-access-token"]);
    expect(FakeConnector.textOf(connector.calls[0]!)).toContain("Relay Stuck Closed (303-RSC)");
    expect(logs.join("\n")).not.toContain(appPassword);
    expect(logs.join("\n")).not.toContain("msal-access-token");
  });

  it("runs the Bot Framework Emulator mode on 127.0.0.1 only, and says so", async () => {
    connector = new FakeConnector();
    running = await serve({});
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(logs.join("\n")).toContain("TEAMS ENDPOINT UNAUTHENTICATED");
    expect((await post(running.url, fixture("personal-message"))).status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    const health = (await (await fetch(`${running.url}/healthz`)).json()) as { platforms: string[] };
    expect(health.platforms).toEqual(["teams", "console"]);
  });

  it("refuses to start unauthenticated on any other address", async () => {
    connector = new FakeConnector();
    await expect(serve({}, "0.0.0.0")).rejects.toThrow(/MicrosoftAppId is not set.*HOST is "0.0.0.0"/s);
  });
});
