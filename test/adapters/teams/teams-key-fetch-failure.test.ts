import { createServer, type Server, type Socket } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { keysUnavailable } from "../../../adapters/teams/teams-http-handler.ts";
import { FakeConnector } from "./fake-connector.ts";
import { appId, fixture, serviceUrl, TeamsHarness } from "./teams-harness.ts";

type Mode = "refuse-by-reset" | "hang" | "serve" | "reset-keys";

/**
 * Microsoft's OpenID metadata and JWKS endpoints on loopback, speaking raw HTTP over net so a test can
 * make them misbehave at the connection level: reset the connection, or accept it and never answer.
 */
class FlakyKeyServer {
  mode: Mode = "serve";
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;
  constructor(private readonly jwks: unknown) {
    this.server = createServer((socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.once("data", (chunk) => this.answer(socket, chunk.toString("latin1")));
    });
  }
  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }
  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }
  private answer(socket: Socket, request: string): void {
    const path = /^GET (\S+)/.exec(request)?.[1] ?? "";
    if (this.mode === "hang") return;
    const keys = path.endsWith("/keys");
    if (this.mode === "refuse-by-reset" || (this.mode === "reset-keys" && keys)) {
      socket.resetAndDestroy();
      return;
    }
    const body = JSON.stringify(
      keys
        ? this.jwks
        : { issuer: "https://api.botframework.com", jwks_uri: this.url(path.replace(/openidconfiguration$/, "keys")) },
    );
    socket.end(
      `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  }
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function signedToken(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid, use: "sig", endorsements: ["msteams"] };
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ iss: "https://api.botframework.com", aud: appId, serviceurl: serviceUrl })
    .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
    .setIssuedAt(now - 60)
    .setNotBefore(now - 60)
    .setExpirationTime(now + 3600)
    .sign(privateKey);
  return { jwks: { keys: [jwk] }, authorization: `Bearer ${token}` };
}

let h: TeamsHarness | undefined;
let keyServer: FlakyKeyServer | undefined;
let connector: FakeConnector | undefined;
afterEach(async () => {
  connector?.dispose();
  await h?.close();
  await keyServer?.close();
  h = keyServer = connector = undefined;
});

// botbuilder caches keys per metadata URL for the process; each test uses its own port, so its own URL.
describe("Teams: a network-level failure fetching Microsoft's signing keys answers 503, not 401", () => {
  for (const [mode, what] of [
    ["refuse-by-reset", "the metadata endpoint resets the connection"],
    ["reset-keys", "the JWKS endpoint resets the connection"],
    ["hang", "the metadata endpoint accepts and never answers"],
  ] as const) {
    it(`${what}: 503 with Retry-After; the same request succeeds once the keys come back`, async () => {
      const { jwks, authorization } = await signedToken(`k-${mode}`);
      keyServer = await new FlakyKeyServer(jwks).listen();
      keyServer.mode = mode;
      connector = new FakeConnector();
      h = await TeamsHarness.start({
        config: { openIdMetadata: keyServer.url("/v1/openidconfiguration") },
        authTimeoutMs: 300,
      });
      const failed = await fetch(h.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization },
        body: JSON.stringify(fixture("channel-mention")),
      });
      expect(failed.status).toBe(503);
      expect(failed.headers.get("retry-after")).toBe("5");
      expect(connector.calls).toHaveLength(0);
      expect(h.logs.join("\n")).toContain("signing keys unavailable");

      keyServer.mode = "serve";
      const again = await h.post(fixture("channel-mention"), { authorization });
      expect(again.status).toBe(200);
      expect(connector.calls).toHaveLength(1);
    });
  }

  it("connection refused (nothing listening) is 503 too", async () => {
    const { authorization } = await signedToken("k-refused");
    const closed = await new FlakyKeyServer({}).listen();
    const url = closed.url("/v1/openidconfiguration");
    await closed.close();
    h = await TeamsHarness.start({ config: { openIdMetadata: url } });
    expect((await h.post(fixture("channel-mention"), { authorization })).status).toBe(503);
  });

  it("a forged token is still 401 while the keys are reachable", async () => {
    const { jwks } = await signedToken("k-genuine");
    const forged = await signedToken("k-genuine");
    keyServer = await new FlakyKeyServer(jwks).listen();
    h = await TeamsHarness.start({ config: { openIdMetadata: keyServer.url("/v1/openidconfiguration") } });
    expect((await h.post(fixture("channel-mention"), { authorization: forged.authorization })).status).toBe(401);
  });

  it("classifies errors: network and 5xx are unavailable keys; token errors are not", () => {
    const fetchError = Object.assign(new Error("request failed, reason: connect ECONNREFUSED"), {
      name: "FetchError",
      code: "ECONNREFUSED",
    });
    expect(keysUnavailable(fetchError)).toBe(true);
    expect(keysUnavailable(Object.assign(new Error("reset"), { code: "ECONNRESET" }))).toBe(true);
    expect(keysUnavailable(Object.assign(new Error("Failed to load Keys: 502"), { statusCode: 500 }))).toBe(true);
    expect(keysUnavailable(Object.assign(new Error("Signing Key could not be retrieved."), { statusCode: 401 }))).toBe(
      false,
    );
    expect(keysUnavailable(Object.assign(new Error("invalid signature"), { name: "JsonWebTokenError" }))).toBe(false);
    expect(keysUnavailable("text")).toBe(false);
  });
});
