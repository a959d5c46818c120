import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

import type { ConnectorCall } from "../adapters/teams/fake-connector.ts";

/** What the bot asked the connector to do. */
export type ConnectorKind = "create" | "send" | "reply" | "update" | "members";

export interface TeamsCall extends ConnectorCall {
  kind: ConnectorKind;
}

/** How the chosen calls fail while a fault is set (the Slack fake's faults, for Teams). */
export type TeamsFault =
  | { kind: "500" }
  | { kind: "429"; retryAfterSeconds: number }
  /** Read and never answered, until the fault clears (then the socket is dropped). */
  | { kind: "timeout" }
  /** The connection is reset as soon as the request arrives. */
  | { kind: "reset" };

/** What a fault applies to: connector calls of these kinds, or "keys" (the OpenID metadata and JWKS). */
export type FaultTarget = ConnectorKind | "keys";

export interface RosterMember {
  id: string;
  name: string;
  aadObjectId?: string;
}

const connectorPath = /^\/[a-z]+\/v3\/conversations(?:\/([^/]+)(?:\/(activities|pagedmembers)(?:\/([^/]+))?)?)?$/;
const issuer = "https://api.botframework.com";

/**
 * Teams' side of the wire on 127.0.0.1, reachable from `cpbot serve` child processes (a nock connector only
 * lives in the test's own process): the Bot Connector at `serviceUrl` (send, reply, update, a new channel
 * thread, the channel roster), the channel's OpenID metadata and signing keys, and the MSAL token endpoint.
 * The last two are reached through test/fakes/route-microsoft-to-loopback.mjs, which the child loads with
 * NODE_OPTIONS; cpbot's own JWT check is unchanged. It records every connector call and fails the calls a
 * test picks (500, 429 + Retry-After, a hang, a reset) until the fault clears.
 */
export class FakeTeamsService {
  readonly calls: TeamsCall[] = [];
  /** The escalation channel's roster (GET …/pagedmembers). */
  roster: RosterMember[] = [];
  /** Requests refused by a fault. */
  faulted = 0;
  /** Token requests MSAL made (client credentials). */
  tokenRequests = 0;
  private fault: { fault: TeamsFault; only: FaultTarget[] } | undefined;
  private stalled: (() => void)[] = [];
  private server: Server | undefined;
  private base = "";
  private seq = 1741079000000;

  private constructor(
    private readonly key: PrivateKey,
    private readonly jwk: Record<string, unknown>,
  ) {}

  static async start(): Promise<FakeTeamsService> {
    const { publicKey, privateKey } = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(publicKey)), kid: "cpbot-loopback-key", use: "sig", endorsements: ["msteams"] };
    const fake = new FakeTeamsService(privateKey, jwk);
    const server = createServer((req, res) => void fake.handle(req, res));
    fake.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  /** Where Teams activities say the connector is (each activity's serviceUrl). */
  get serviceUrl(): string {
    return `${this.base}/amer/`;
  }

  /** TEAMS_SERVICE_URL: where proactive posts to the escalation channel go before any activity came from it. */
  get globalServiceUrl(): string {
    return `${this.base}/teams/`;
  }

  /** CPBOT_TEST_MICROSOFT_URL for the child's preload: Microsoft's login hosts are served here. */
  get url(): string {
    return this.base;
  }

  /** The Authorization header the Bot Framework channel sends with `activity`, signed with this fake's key. */
  async authorization(activity: { serviceUrl?: string }, appId: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ iss: issuer, aud: appId, serviceurl: activity.serviceUrl })
      .setProtectedHeader({ alg: "RS256", kid: String(this.jwk.kid), typ: "JWT" })
      .setIssuedAt(now - 60)
      .setNotBefore(now - 60)
      .setExpirationTime(now + 3600)
      .sign(this.key);
    return `Bearer ${token}`;
  }

  /** From now on the chosen calls (default: every send, reply, update and new thread) fail this way. */
  failDeliveries(fault: TeamsFault, only: FaultTarget[] = ["send", "reply", "update", "create"]): void {
    this.fault = { fault, only };
  }

  clearFault(): void {
    this.fault = undefined;
    for (const drop of this.stalled.splice(0)) drop();
  }

  /** Calls Teams accepted, in order. */
  delivered(): TeamsCall[] {
    return this.calls.filter((c) => c.messageId !== undefined);
  }

  /** Accepted posts and edits in one conversation (a thread is "<channel>;messageid=<root>"). */
  deliveredIn(conversationId: string): TeamsCall[] {
    return this.delivered().filter((c) => c.kind !== "members" && c.conversationId === conversationId);
  }

  async close(): Promise<void> {
    this.clearFault();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? "/", this.base).pathname;
    if (path.startsWith("/login.botframework.com/")) return this.keys(req, res, path);
    if (path.startsWith("/login.microsoftonline.com/") && path.endsWith("/oauth2/v2.0/token")) {
      this.tokenRequests++;
      return json(res, 200, {
        token_type: "Bearer",
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: "fake-msal",
      });
    }
    const match = connectorPath.exec(path);
    if (!match) return json(res, 404, { error: { code: "NotFound", message: `no route ${req.method} ${path}` } });
    const kind = kindOf(req.method ?? "", match);
    if (!kind) return json(res, 405, { error: { code: "BadMethod", message: `${req.method} ${path}` } });
    if (this.fail(kind, req, res)) return;
    const call: TeamsCall = {
      kind,
      method: req.method === "PUT" ? "PUT" : "POST",
      conversationId: decodeURIComponent(match[1] ?? ""),
      ...(match[3] ? { activityId: decodeURIComponent(match[3]) } : {}),
      body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {},
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    };
    this.calls.push(call);
    if (kind === "members") {
      call.messageId = "";
      return json(res, 200, { members: this.roster, continuationToken: null });
    }
    const id = kind === "update" ? (call.activityId ?? "") : String(++this.seq);
    call.messageId = id;
    call.status = kind === "update" ? 200 : 201;
    if (kind === "create") {
      const channel = (call.body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id ?? "19:x";
      return json(res, 201, { id: `${channel};messageid=${id}`, activityId: id });
    }
    return json(res, call.status, { id });
  }

  /** OpenID metadata and the JWKS, as login.botframework.com serves them. */
  private keys(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (this.fail("keys", req, res)) return;
    if (path.endsWith("/keys")) {
      json(res, 200, { keys: [this.jwk] });
      return;
    }
    json(res, 200, {
      issuer,
      authorization_endpoint: "https://invalid.botframework.com",
      jwks_uri: "https://login.botframework.com/v1/.well-known/keys",
      id_token_signing_alg_values_supported: ["RS256"],
      token_endpoint_auth_methods_supported: ["private_key_jwt"],
    });
  }

  /** Applies the fault to this request if it is one of the chosen kind; true when it did. */
  private fail(target: FaultTarget, req: IncomingMessage, res: ServerResponse): boolean {
    const current = this.fault;
    if (!current?.only.includes(target)) return false;
    this.faulted++;
    switch (current.fault.kind) {
      case "500":
        json(res, 500, { error: { code: "ServiceError", message: "forced 500" } });
        break;
      case "429":
        res.writeHead(429, {
          "retry-after": String(current.fault.retryAfterSeconds),
          "content-type": "application/json",
        });
        res.end(JSON.stringify({ error: { code: "TooManyRequests", message: "forced 429" } }));
        break;
      case "reset":
        req.socket.destroy();
        break;
      case "timeout":
        this.stalled.push(() => req.socket.destroy());
        break;
    }
    return true;
  }
}

function kindOf(method: string, match: RegExpExecArray): ConnectorKind | undefined {
  const [, conversation, sub, activity] = match;
  if (method === "POST" && !conversation) return "create";
  if (method === "GET" && sub === "pagedmembers") return "members";
  if (sub !== "activities") return undefined;
  if (method === "PUT" && activity) return "update";
  if (method === "POST") return activity ? "reply" : "send";
  return undefined;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}
