import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One Web API call as Slack would receive it: the method, the decoded form fields, the bearer token. */
export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
  token?: string;
  /** What the fake answered (its ts, permalink, error). */
  result?: unknown;
}

/** One POST to a response_url. */
export interface ResponsePost {
  id: string;
  body: Record<string, unknown>;
}

type Answer = Record<string, unknown> | { status: number; headers?: Record<string, string>; body?: unknown };

const jsonFields = new Set(["blocks", "attachments", "view", "metadata"]);

/**
 * A stand-in for Slack on 127.0.0.1: the Web API (SLACK_API_URL points here) and response_urls. It answers
 * like Slack (ts, permalinks, ok:false errors, 429 with Retry-After) and records every request, so tests
 * can assert on exactly what cpbot sent. Nothing leaves the machine.
 */
export class FakeSlackApi {
  calls: ApiCall[] = [];
  responses: ResponsePost[] = [];
  /** Queued answers per method, used before the default one (each is used once). */
  private queued = new Map<string, Answer[]>();
  private always = new Map<string, string>();
  private refusals = new Map<string, string>();
  /** conversations.members answers, per channel. */
  members = new Map<string, string[]>();
  private hold: Promise<void> | undefined;
  private server: Server | undefined;
  private base = "";
  private seq = 0;

  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.base}/respond/${id}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, headers, body }) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(body));
      });
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Makes response_url posts wait until the returned function is called. */
  holdResponses(): () => void {
    let release = () => {};
    this.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    return () => {
      this.hold = undefined;
      release();
    };
  }

  /** The next call of `method` gets this answer instead of the default (an ok:false error, a 429, …). */
  answerNext(method: string, answer: Answer): void {
    this.queued.set(method, [...(this.queued.get(method) ?? []), answer]);
  }

  /** Every later call of `method` fails with this Slack error code, until `clearFailures()`. */
  failAlways(method: string, error: string): void {
    this.always.set(method, error);
  }

  clearFailures(): void {
    this.always.clear();
  }

  /** Posts and edits in `channel` fail with this Slack error code (channel_not_found, not_in_channel …). */
  refuse(channel: string, code: string): void {
    this.refusals.set(channel, code);
  }

  allow(channel: string): void {
    this.refusals.delete(channel);
  }

  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Every request body cpbot sent, as one string, for checks that must hold across all of them. */
  everythingSent(): string {
    return JSON.stringify([...this.calls.map((c) => c.body), ...this.responses.map((r) => r.body)]);
  }

  private async handle(req: IncomingMessage) {
    const raw = await readBody(req);
    const path = new URL(req.url ?? "/", this.base).pathname;
    if (path.startsWith("/respond/")) {
      await this.hold;
      this.responses.push({ id: path.slice("/respond/".length), body: JSON.parse(raw || "{}") });
      return { status: 200, headers: {}, body: { ok: true } };
    }
    const method = path.replace(/^\/api\//, "");
    const body = parseBody(raw, req.headers["content-type"] ?? "");
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const answer = this.queued.get(method)?.shift() ?? this.defaultAnswer(method, body);
    const reply =
      "status" in answer && typeof answer.status === "number"
        ? { status: answer.status, headers: (answer.headers ?? {}) as Record<string, string>, body: answer.body ?? {} }
        : { status: 200, headers: {}, body: answer };
    this.calls.push({ method, body, result: reply.body, ...(token ? { token } : {}) });
    return reply;
  }

  private defaultAnswer(method: string, body: Record<string, unknown>): Answer {
    const failure = this.always.get(method);
    if (failure) return { ok: false, error: failure };
    const channel = String(body.channel ?? "");
    const refused = this.refusals.get(channel);
    if (refused && method.startsWith("chat.")) return { ok: false, error: refused };
    switch (method) {
      case "auth.test":
        return {
          ok: true,
          url: "https://acme.slack.com/",
          team: "Acme",
          user: "cpbot",
          team_id: "T0001",
          user_id: "UCPBOT",
          bot_id: "BCPBOT",
        };
      case "chat.postMessage":
        return { ok: true, channel, ts: this.nextTs(), message: { text: body.text } };
      case "chat.update":
        return { ok: true, channel, ts: body.ts, text: body.text };
      case "chat.postEphemeral":
        return { ok: true, message_ts: this.nextTs() };
      case "chat.getPermalink":
        return {
          ok: true,
          channel,
          permalink: `https://acme.slack.com/archives/${channel}/p${String(body.message_ts).replace(".", "")}`,
        };
      case "conversations.members": {
        const ids = this.members.get(channel);
        return ids
          ? { ok: true, members: ids, response_metadata: { next_cursor: "" } }
          : { ok: false, error: "channel_not_found" };
      }
      case "views.open":
        return { ok: true, view: { id: "VMODAL1" } };
      case "views.publish":
        return { ok: true, view: { id: "VHOME1", type: "home" } };
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  private nextTs(): string {
    this.seq++;
    return `1700000${String(this.seq).padStart(3, "0")}.000100`;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

/** The WebClient sends form fields, with objects such as blocks as JSON text; decode them back. */
function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.includes("application/json")) return JSON.parse(raw || "{}");
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) out[key] = jsonFields.has(key) ? JSON.parse(value) : value;
  return out;
}
