import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { servePlatforms } from "../../../adapters/cli/commands/serve.ts";
import { type RunningServer, startServer } from "../../../adapters/http/start-server.ts";
import { appId, appPassword } from "./teams-harness.ts";

let running: RunningServer | undefined;
const logs: string[] = [];
afterEach(async () => {
  await running?.close();
  running = undefined;
  nock.cleanAll();
  logs.length = 0;
});

const support = "19:support@thread.tacv2";

async function serve(): Promise<RunningServer> {
  nock("https://login.microsoftonline.com")
    .post("/botframework.com/oauth2/v2.0/token")
    .query(true)
    .reply(200, { token_type: "Bearer", expires_in: 3600, ext_expires_in: 3600, access_token: "msal-access-token" })
    .persist();
  return startServer({
    env: {
      DATABASE_URL: join(mkdtempSync(join(tmpdir(), "cpbot-teams-roster-")), "cpbot.db"),
      LOG_LEVEL: "info",
      MicrosoftAppId: appId,
      MicrosoftAppPassword: appPassword,
      // An existing multi-tenant bot: SingleTenant (the default now) would also need a tenant id.
      MicrosoftAppType: "MultiTenant",
      TEAMS_ESCALATION_CONVERSATION: support,
    },
    cwd: process.cwd(),
    platforms: await servePlatforms(),
    port: 0,
    write: (line) => logs.push(line),
    retryEveryMs: 60_000,
  });
}

describe("Teams: who is on the support team", () => {
  it("reads the escalation channel's paged roster (both id forms), once a minute at most", async () => {
    running = await serve();
    const path = `/teams/v3/conversations/${encodeURIComponent(support)}/pagedmembers`;
    const roster = nock("https://smba.trafficmanager.net")
      .get(path)
      .query({ pageSize: "500" })
      .reply(200, { members: [{ id: "29:sue", aadObjectId: "aad-sue", name: "Sue" }], continuationToken: "page2" })
      .get(path)
      .query({ pageSize: "500", continuationToken: "page2" })
      .reply(200, { members: [{ id: "29:tom", aadObjectId: "aad-tom", name: "Tom" }] });
    const members = running.adapters[0]?.members;
    expect(await members?.isMember("aad-sue")).toBe(true);
    expect(await members?.isMember("29:tom")).toBe(true);
    expect(await members?.isMember("aad-mallory")).toBe(false);
    expect(roster.isDone()).toBe(true);
  });

  it("counts nobody as a member when the roster cannot be read, and says so in the log", async () => {
    running = await serve();
    nock("https://smba.trafficmanager.net")
      .get(/pagedmembers/)
      .query(true)
      .reply(403, { error: { code: "BotNotInConversationRoster", message: "not in roster" } })
      .persist();
    expect(await running.adapters[0]?.members?.isMember("aad-sue")).toBe(false);
    expect(logs.join("\n")).toContain("could not read the escalation channel's members");
  });
});
