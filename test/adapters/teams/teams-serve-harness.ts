import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Activity } from "botbuilder";
import nock from "nock";
import { type RunningServer, startServer } from "../../../adapters/http/start-server.ts";
import { teamsPlatform } from "../../../adapters/teams/teams-platform.ts";
import type { BotFrameworkTokens } from "./bot-framework-tokens.ts";
import { FakeConnector } from "./fake-connector.ts";
import { appId, appPassword, supportChannel } from "./teams-harness.ts";

/** The client-credentials token MSAL asks for; persisted, since MSAL caches it per process anyway. */
export function nockTeamsLogin(): void {
  nock("https://login.microsoftonline.com")
    .persist()
    .post("/botframework.com/oauth2/v2.0/token")
    .query(true)
    .reply(200, { token_type: "Bearer", expires_in: 3600, ext_expires_in: 3600, access_token: "msal-access-token" });
}

/**
 * `cpbot serve` with Teams only, authenticated, over a fresh SQLite file: the real composition root (outbox,
 * dispatcher, pending handoff retries, reminders), with the connector under nock (a FakeConnector).
 * Activities are POSTed with a channel token signed by `tokens`, as Teams does.
 */
export class TeamsServeHarness {
  readonly logs: string[] = [];
  readonly connector = new FakeConnector();
  server!: RunningServer;

  private constructor(private readonly tokens: BotFrameworkTokens) {}

  static async start(tokens: BotFrameworkTokens, env: Record<string, string> = {}): Promise<TeamsServeHarness> {
    const h = new TeamsServeHarness(tokens);
    const database = join(mkdtempSync(join(tmpdir(), "cpbot-teams-faults-")), "cpbot.db");
    h.server = await startServer({
      env: {
        DATABASE_URL: database,
        LOG_LEVEL: "debug",
        MicrosoftAppId: appId,
        MicrosoftAppPassword: appPassword,
        MicrosoftAppType: "MultiTenant",
        TEAMS_ESCALATION_CONVERSATION: supportChannel,
        TEAMS_SERVICE_URL: "https://smba.trafficmanager.net/amer/",
        ...env,
      },
      cwd: process.cwd(),
      // A hanging connector costs a test one second, not fifteen.
      platforms: [teamsPlatform({ retry: { timeoutMs: 1000 } })],
      port: 0,
      write: (line) => h.logs.push(line),
    });
    return h;
  }

  /** POSTs the activity with a valid channel token; resolves with the HTTP status Teams would see. */
  async send(activity: Activity): Promise<number> {
    const auth = await this.tokens.header({ appId, serviceUrl: activity.serviceUrl });
    const res = await fetch(`${this.server.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", ...auth },
      body: JSON.stringify(activity),
    });
    await res.text();
    return res.status;
  }

  async close(): Promise<void> {
    this.connector.dispose();
    await this.server.close();
  }
}

/** Waits (real time: the outbox retries on its own clock) until `done` holds, or fails after `ms`. */
export async function until(done: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
