import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";
import nock from "nock";

export const openIdOrigin = "https://login.botframework.com";
const issuer = "https://api.botframework.com";

type Key = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

/**
 * Bot Framework channel tokens made locally: an RSA key whose public half is served as the OpenID metadata
 * and JWKS that botbuilder fetches (through nock, persisted because botbuilder caches keys per process),
 * and a second key of the same id that signs forged tokens.
 */
export class BotFrameworkTokens {
  private constructor(
    private readonly key: Key,
    private readonly forger: Key,
    readonly kid: string,
  ) {}

  static async create(endorsements: string[] = ["msteams"]): Promise<BotFrameworkTokens> {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const forged = await generateKeyPair("RS256");
    const kid = "cpbot-test-key";
    const jwk = { ...(await exportJWK(publicKey)), kid, use: "sig", kty: "RSA", endorsements };
    nock(openIdOrigin)
      .persist()
      .get("/v1/.well-known/openidconfiguration")
      .reply(200, {
        issuer,
        authorization_endpoint: "https://invalid.botframework.com",
        jwks_uri: `${openIdOrigin}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["private_key_jwt"],
      })
      .get("/v1/.well-known/keys")
      .reply(200, { keys: [jwk] });
    return new BotFrameworkTokens(privateKey, forged.privateKey, kid);
  }

  /** A token as the Bot Framework channel signs it; `claims` override the defaults, `forged` signs with the wrong key. */
  async sign(options: {
    appId: string;
    serviceUrl: string;
    claims?: JWTPayload;
    forged?: boolean;
    expiresIn?: number;
  }) {
    const now = Math.floor(Date.now() / 1000);
    const exp = now + (options.expiresIn ?? 3600);
    const issued = Math.min(now, exp - 60);
    const payload = { iss: issuer, aud: options.appId, serviceurl: options.serviceUrl, iat: issued, nbf: issued, exp };
    return new SignJWT({ ...payload, ...options.claims })
      .setProtectedHeader({ alg: "RS256", kid: this.kid, typ: "JWT" })
      .sign(options.forged ? this.forger : this.key);
  }

  async header(options: Parameters<BotFrameworkTokens["sign"]>[0]): Promise<{ authorization: string }> {
    return { authorization: `Bearer ${await this.sign(options)}` };
  }
}
