import { AuthenticationConstants, GovernmentConstants } from "botframework-connector";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { clouds } from "../../../adapters/teams/teams-cloud-settings.ts";
import { FakeConnector } from "./fake-connector.ts";
import { appId, fixture, serviceUrl, TeamsHarness } from "./teams-harness.ts";

let h: TeamsHarness | undefined;
let connector: FakeConnector | undefined;
afterEach(async () => {
  connector?.dispose();
  connector = undefined;
  await h?.close();
  h = undefined;
});

// botbuilder caches signing keys per metadata URL for the whole process: each test gets its own URL.
let seq = 0;
const sovereign = "https://login.sovereign.example";

/** An RSA key served as OpenID metadata + JWKS at a sovereign-cloud URL, and tokens signed with it. */
async function sovereignKeys(path: string) {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: `sov-${path}`, use: "sig", endorsements: ["msteams"] };
  nock(sovereign)
    .persist()
    .get(`/${path}/openidconfiguration`)
    .reply(200, { issuer: "https://api.botframework.com", jwks_uri: `${sovereign}/${path}/keys` })
    .get(`/${path}/keys`)
    .reply(200, { keys: [jwk] });
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ iss: "https://api.botframework.com", aud: appId, serviceurl: serviceUrl })
    .setProtectedHeader({ alg: "RS256", kid: `sov-${path}`, typ: "JWT" })
    .setIssuedAt(now - 60)
    .setNotBefore(now - 60)
    .setExpirationTime(now + 3600)
    .sign(privateKey);
  return { url: `${sovereign}/${path}/openidconfiguration`, authorization: `Bearer ${token}` };
}

describe("Teams with BotOpenIdMetadata (sovereign clouds)", () => {
  it("accepts a genuine token whose key comes from the configured metadata URL", async () => {
    const keys = await sovereignKeys(`ok${++seq}`);
    connector = new FakeConnector();
    h = await TeamsHarness.start({ config: { openIdMetadata: keys.url } });
    const res = await h.post(fixture("channel-mention"), { authorization: keys.authorization });
    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(1);
  });

  it("answers 503 (retryable), not 401, when the metadata endpoint fails", async () => {
    const keys = await sovereignKeys(`unused${++seq}`);
    const failing = `${sovereign}/fail${++seq}/openidconfiguration`;
    nock(sovereign).get(new URL(failing).pathname).reply(500, "oops");
    h = await TeamsHarness.start({ config: { openIdMetadata: failing } });
    expect((await h.post(fixture("channel-mention"), { authorization: keys.authorization })).status).toBe(503);
    expect(h.logs.join("\n")).toContain("signing keys unavailable");
  });

  it("the copied cloud constants still agree with botframework-connector's", () => {
    for (const [cloud, sdk] of [
      [clouds.public, AuthenticationConstants],
      [clouds.usGov, GovernmentConstants],
    ] as const) {
      expect(cloud.ToChannelFromBotLoginUrl).toBe(sdk.ToChannelFromBotLoginUrl);
      expect(cloud.ToChannelFromBotOAuthScope).toBe(sdk.ToChannelFromBotOAuthScope);
      expect(cloud.ToBotFromChannelTokenIssuer).toBe(sdk.ToBotFromChannelTokenIssuer);
      expect(cloud.OAuthUrl).toBe(sdk.OAuthUrl);
      expect(cloud.ToBotFromEmulatorOpenIdMetadataUrl).toBe(sdk.ToBotFromEmulatorOpenIdMetadataUrl);
    }
  });
});
