import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningServer, startServer } from "../../../adapters/http/start-server.ts";
import { slackPlatform } from "../../../adapters/slack/slack-platform.ts";
import { type ApiCall, FakeSlackApi } from "./fake-slack-api.ts";

export const signingSecret = "8f742231b10e8888abc8d99efab4a85a";
export const botToken = "xoxb-1111-2222-cpbotTESTtoken";
export const escalationChannel = "CESCALATE1";
const fixturesDir = join(import.meta.dirname, "../../fixtures/slack");

/** A fresh copy of a recorded Slack payload from test/fixtures/slack. */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(fixturesDir, `${name}.json`), "utf8")) as T;
}

/** The parts of the Events API envelope the tests change. */
export interface Envelope {
  event_id: string;
  event: Record<string, unknown> & { text?: string; ts?: string };
  [key: string]: unknown;
}

export interface SlackButton {
  type: "button";
  action_id: string;
  value?: string;
  text: { type: string; text: string };
}

export interface SlackBlock {
  type: string;
  elements?: SlackButton[];
  [key: string]: unknown;
}

/** The parts of a block_actions payload the tests change. */
interface BlockActionsPayload {
  trigger_id: string;
  response_url: string;
  user: { id: string; username: string; name: string; team_id: string };
  channel: { id: string; name: string };
  container: Record<string, unknown>;
  message?: Record<string, unknown>;
  state: { values: Record<string, Record<string, { type: string; value: string }>> };
  actions: Record<string, unknown>[];
  [key: string]: unknown;
}

/** A message cpbot put somewhere, as a person would see it and press its buttons. */
export interface SeenMessage {
  channel: string;
  ts?: string;
  threadTs?: string;
  blocks: SlackBlock[];
  text: string;
  ephemeral: boolean;
}

export interface SendOptions {
  /** Seconds since the epoch for X-Slack-Request-Timestamp (default now). */
  timestamp?: number;
  signature?: string | null;
  secret?: string;
  retryNum?: number;
  /** Changes the body after signing. */
  tamper?: (body: string) => string;
  /** false: return as soon as Slack would have its HTTP answer, without waiting for cpbot's work. */
  wait?: boolean;
}

/** v0 signature: HMAC-SHA256 of "v0:<timestamp>:<raw body>" with the signing secret (Slack's scheme). */
export function sign(body: string, timestamp: number, secret = signingSecret): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/**
 * cpbot serve with Slack only, on 127.0.0.1 with a port of its own, over a fresh SQLite file, talking to a
 * FakeSlackApi. Requests are signed like Slack signs them and go through Bolt's real HTTPReceiver.
 */
export class SlackHarness {
  private seq = 0;

  private constructor(
    readonly api: FakeSlackApi,
    readonly server: RunningServer,
    /** Every log line cpbot wrote, start-up included. */
    readonly logs: string[],
  ) {}

  static async start(
    env: Record<string, string> = {},
    clientOptions: NonNullable<Parameters<typeof slackPlatform>[0]>["clientOptions"] = { retryConfig: { retries: 0 } },
    /** A clock and timer periods for tests of timed behaviour (reminders). */
    timing: { clock?: () => Date; reminderEveryMs?: number } = {},
  ): Promise<SlackHarness> {
    const api = new FakeSlackApi();
    // Sue is on the support team: a member of the escalation channel.
    api.members.set(escalationChannel, ["USUE00001", "UCPBOT"]);
    await api.start();
    const logs: string[] = [];
    const server = await startServer({
      env: {
        SLACK_BOT_TOKEN: botToken,
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_ESCALATION_CHANNEL: escalationChannel,
        SLACK_API_URL: api.apiUrl,
        DATABASE_URL: join(mkdtempSync(join(tmpdir(), "cpbot-slack-")), "cpbot.db"),
        LOG_LEVEL: "debug",
        ...env,
      },
      cwd: process.cwd(),
      platforms: [slackPlatform({ clientOptions })],
      port: 0,
      host: "127.0.0.1",
      write: (line) => logs.push(line),
      ...timing,
    });
    await server.idle();
    return new SlackHarness(api, server, logs);
  }

  async close(): Promise<void> {
    await this.server.close();
    await this.api.close();
  }

  /** Posts a raw body to /slack/events, signed unless told otherwise; waits until cpbot finished with it. */
  async send(body: string, contentType: string, o: SendOptions = {}): Promise<{ status: number; text: string }> {
    const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { "content-type": contentType };
    headers["x-slack-request-timestamp"] = String(timestamp);
    const signature = o.signature === undefined ? sign(body, timestamp, o.secret) : o.signature;
    if (signature !== null) headers["x-slack-signature"] = signature;
    if (o.retryNum !== undefined) {
      headers["x-slack-retry-num"] = String(o.retryNum);
      headers["x-slack-retry-reason"] = "http_timeout";
    }
    const response = await fetch(`${this.server.url}/slack/events`, {
      method: "POST",
      headers,
      body: o.tamper ? o.tamper(body) : body,
    });
    const text = await response.text();
    if (o.wait !== false) await this.server.idle();
    return { status: response.status, text };
  }

  event(envelope: unknown, o: SendOptions = {}) {
    return this.send(JSON.stringify(envelope), "application/json", o);
  }

  /**
   * A slash command. cpbot may answer in the acknowledgement itself; such an answer is recorded with the
   * response_url posts under the command's response id, since the person sees it the same way.
   */
  async command(fields: Record<string, string>, o: SendOptions = {}) {
    const answer = await this.send(new URLSearchParams(fields).toString(), "application/x-www-form-urlencoded", o);
    if (answer.status === 200 && answer.text.startsWith("{")) {
      const id = (fields.response_url ?? "").split("/respond/")[1] ?? "inline";
      this.api.responses.push({ id, body: { ...JSON.parse(answer.text), inline: true } });
    }
    return answer;
  }

  interact(payload: unknown, o: SendOptions = {}) {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.send(body, "application/x-www-form-urlencoded", o);
  }

  /** A mention of @cpbot in a channel, as Slack delivers it. */
  mention(text: string, o: { channel?: string; ts?: string; threadTs?: string; user?: string; eventId?: string } = {}) {
    const envelope = fixture<Envelope>("app-mention");
    const ts = o.ts ?? `16999${String(++this.seq).padStart(5, "0")}.000100`;
    Object.assign(envelope.event, {
      text: `<@UCPBOT> ${text}`,
      ts,
      event_ts: ts,
      ...(o.channel ? { channel: o.channel } : {}),
      ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
      ...(o.user ? { user: o.user } : {}),
    });
    envelope.event_id = o.eventId ?? `Ev${ts.replace(".", "")}`;
    return { envelope, ts };
  }

  /** A slash command with its response_url pointed at the fake. */
  slash(text: string, id = `cmd${++this.seq}`) {
    const fields = fixture<Record<string, string>>("slash-command");
    return {
      ...fields,
      text,
      response_url: this.api.responseUrl(id),
      trigger_id: `${id}.738474920.8088930838d88f008e0`,
    };
  }

  /** What cpbot posted or updated in a channel, oldest first. */
  messagesIn(channel: string): SeenMessage[] {
    const threads = new Map<string, string>();
    return this.api.calls
      .filter((c) => (c.method === "chat.postMessage" || c.method === "chat.update") && c.body.channel === channel)
      .map((c) => {
        const message = seen(c);
        // An edit keeps the message in its thread, as Slack's block_actions payload would say.
        if (message.ts && message.threadTs) threads.set(message.ts, message.threadTs);
        const thread = message.ts ? threads.get(message.ts) : undefined;
        return thread ? { ...message, threadTs: thread } : message;
      });
  }

  /** What cpbot answered through a response_url. */
  responsesTo(id: string): SeenMessage[] {
    return this.api.responses
      .filter((r) => r.id === id)
      .map((r) => ({
        channel: "COPS00001",
        blocks: (r.body.blocks as SlackBlock[] | undefined) ?? [],
        text: String(r.body.text ?? ""),
        ephemeral: r.body.response_type !== "in_channel",
      }));
  }

  /** Presses the button labelled `label` on `message`, as Slack would send the block_actions payload. */
  press(
    message: SeenMessage | undefined,
    label: string,
    o: { user?: { id: string; username: string }; inputs?: Record<string, string>; responseId?: string } = {},
  ) {
    if (!message) throw new Error(`no message to press "${label}" on`);
    const button = buttonsOf(message).find((b) => b.text.text === label);
    if (!button)
      throw new Error(
        `no button "${label}" on the message: ${buttonsOf(message)
          .map((b) => b.text.text)
          .join(", ")}`,
      );
    const payload = fixture<BlockActionsPayload>("block-actions");
    payload.trigger_id = `trigger${++this.seq}.333649436676.d8c1bb837935619ccad0f624c448ffb3`;
    payload.response_url = this.api.responseUrl(o.responseId ?? `act${this.seq}`);
    if (o.user) payload.user = { ...payload.user, id: o.user.id, username: o.user.username, name: o.user.username };
    payload.channel = { id: message.channel, name: "somewhere" };
    if (message.ephemeral) {
      payload.container = {
        type: "message",
        message_ts: message.ts ?? "1700009999.000001",
        channel_id: message.channel,
        is_ephemeral: true,
      };
      delete payload.message;
    } else {
      payload.container = { type: "message", message_ts: message.ts, channel_id: message.channel, is_ephemeral: false };
      payload.message = { ...payload.message, ts: message.ts, blocks: message.blocks, text: message.text };
      if (message.threadTs) payload.message.thread_ts = message.threadTs;
      else delete payload.message.thread_ts;
    }
    const values: Record<string, Record<string, { type: string; value: string }>> = {};
    for (const [id, value] of Object.entries(o.inputs ?? {}))
      values[id] = { [id]: { type: "plain_text_input", value } };
    payload.state = { values };
    payload.actions = [{ ...payload.actions[0], action_id: button.action_id, value: button.value, text: button.text }];
    return this.interact(payload);
  }
}

export function buttonsOf(message: SeenMessage): SlackButton[] {
  return message.blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));
}

/** All visible text of a message, for "it says …" checks. */
export function textOf(message: SeenMessage | undefined): string {
  return JSON.stringify(message?.blocks ?? []);
}

function seen(call: ApiCall): SeenMessage {
  const result = (call.result ?? {}) as { ts?: string };
  const ts = call.method === "chat.update" ? String(call.body.ts) : result.ts;
  const thread = call.body.thread_ts as string | undefined;
  return {
    channel: String(call.body.channel),
    ...(ts ? { ts } : {}),
    ...(thread ? { threadTs: thread } : {}),
    blocks: (call.body.blocks as SlackBlock[] | undefined) ?? [],
    text: String(call.body.text ?? ""),
    ephemeral: false,
  };
}
