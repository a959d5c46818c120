import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { teamsListenAddress } from "../../../adapters/teams/teams-listen-address.ts";
import { BotError } from "../../../src/core/bot-error.ts";
import { BotFrameworkTokens } from "./bot-framework-tokens.ts";
import { FakeConnector } from "./fake-connector.ts";
import { appId, appPassword, fixture, serviceUrl, TeamsHarness } from "./teams-harness.ts";

let tokens: BotFrameworkTokens;
let h: TeamsHarness;
let connector: FakeConnector | undefined;

beforeAll(async () => {
  tokens = await BotFrameworkTokens.create();
});
afterEach(async () => {
  connector?.dispose();
  connector = undefined;
  await h?.close();
  h = undefined as unknown as TeamsHarness;
});

/** Nothing of the request reached the store: no session, no event id, no conversation reference. */
async function expectNothingStored(activity: ReturnType<typeof fixture>): Promise<void> {
  expect(await h.store.getSession("teams-ref:last")).toBeUndefined();
  expect(
    await h.store.getSession("teams:19:7e1c9b2a4d3f4e6a8b0c1d2e3f4a5b6c@thread.tacv2:1741078700000"),
  ).toBeUndefined();
  expect(await h.store.listEvents()).toEqual([]);
  // claimEvent is true only for an id never seen: the rejected request did not claim its own.
  expect(await h.store.claimEvent(`teams:${activity.conversation.id}:${activity.id}`, h.now.toISOString())).toBe(true);
}

describe("Teams endpoint with an app id: Bot Framework JWTs", () => {
  it("accepts a token signed by the channel's key for this bot and this service URL", async () => {
    connector = new FakeConnector();
    h = await TeamsHarness.start({ tokens });
    const activity = fixture("channel-mention");
    const res = await h.post(activity, await tokens.header({ appId, serviceUrl }));
    expect(res.status).toBe(200);
    expect(connector?.calls).toHaveLength(1);
    expect(connector?.calls[0]?.authorization).toBe("Bearer outbound-test-token");
  });

  const rejected: [string, () => Promise<Record<string, string>>][] = [
    ["no Authorization header", async () => ({})],
    ["a token signed with another key", async () => tokens.header({ appId, serviceUrl, forged: true })],
    [
      "a token for another bot (audience)",
      async () => tokens.header({ appId: "0b0b0b0b-0000-4000-8000-000000000000", serviceUrl }),
    ],
    ["an expired token", async () => tokens.header({ appId, serviceUrl, expiresIn: -3600 })],
    ["a token for another service URL", async () => tokens.header({ appId, serviceUrl: "https://evil.example/" })],
    [
      "a token from another issuer",
      async () => tokens.header({ appId, serviceUrl, claims: { iss: "https://evil.example" } }),
    ],
    ["a bearer that is not a JWT", async () => ({ authorization: "Bearer not-a-token" })],
    [
      "a Basic credential",
      async () => ({ authorization: `Basic ${Buffer.from(`${appId}:${appPassword}`).toString("base64")}` }),
    ],
  ];
  for (const [what, header] of rejected) {
    it(`answers 401 to ${what}, and nothing happens`, async () => {
      connector = new FakeConnector();
      h = await TeamsHarness.start({ tokens });
      const activity = fixture("channel-mention");
      const res = await h.post(activity, await header());
      expect(res.status).toBe(401);
      expect(connector?.calls).toEqual([]);
      await expectNothingStored(activity);
      // The log says why without the token or the password.
      const log = h.logs.join("\n");
      expect(log).toContain("Teams request rejected");
      expect(log).not.toContain(appPassword);
      expect(log).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
    });
  }

  it("refuses a token whose signing key is not endorsed for the activity's channel", async () => {
    connector = new FakeConnector();
    h = await TeamsHarness.start({ tokens });
    const activity = { ...fixture("channel-mention"), channelId: "webchat" };
    const res = await h.post(activity, await tokens.header({ appId, serviceUrl }));
    expect(res.status).toBe(401);
    expect(connector?.calls).toEqual([]);
  });

  it("answers 405 to GET and 413 to an oversized body before reading it as JSON", async () => {
    connector = new FakeConnector();
    h = await TeamsHarness.start({ tokens });
    expect((await fetch(h.url)).status).toBe(405);
    const huge = JSON.stringify({ ...fixture("channel-mention"), text: "x".repeat(300 * 1024) });
    expect((await h.post(huge, await tokens.header({ appId, serviceUrl }))).status).toBe(413);
    expect((await h.post("{not json", await tokens.header({ appId, serviceUrl }))).status).toBe(400);
    expect(connector?.calls).toEqual([]);
  });
});

describe("Teams endpoint without an app id (Bot Framework Emulator mode)", () => {
  it("serves loopback callers without a token and sends replies without one", async () => {
    connector = new FakeConnector();
    h = await TeamsHarness.start({ appId: null });
    const res = await h.post(fixture("personal-message"));
    expect(res.status).toBe(200);
    expect(connector?.calls).toHaveLength(1);
    expect(connector?.calls[0]?.authorization).toBeUndefined();
  });

  it("binds to 127.0.0.1 only, says so loudly, and refuses any other address", () => {
    const config = { appType: "MultiTenant" as const, serviceUrl, admins: [] };
    const local = teamsListenAddress(config, undefined);
    expect(local.host).toBe("127.0.0.1");
    expect(local.warning).toMatch(/UNAUTHENTICATED/);
    expect(teamsListenAddress(config, "127.0.0.1").host).toBe("127.0.0.1");
    for (const host of ["0.0.0.0", "::", "10.0.0.5", "bot.example.com"]) {
      expect(() => teamsListenAddress(config, host)).toThrow(BotError);
      expect(() => teamsListenAddress(config, host)).toThrow(/MicrosoftAppId is not set/);
    }
    // With an app id every request is authenticated, so any address is fine.
    expect(teamsListenAddress({ ...config, appId, appPassword }, "0.0.0.0")).toEqual({ host: "0.0.0.0" });
  });
});
