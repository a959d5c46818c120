import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { ReceiverMultipleAckError, type RespondArguments } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { AckNotWritten, ackJson, answerCommandsDirectly } from "../../../adapters/slack/direct-commands.ts";
import { guardSlackRequests } from "../../../adapters/slack/slack-request-guard.ts";
import type { CommandArgs } from "../../../adapters/slack/slack-router.ts";
import { deepFreeze } from "../../../src/cards/frozen-card.ts";
import { type Logger, silentLogger } from "../../../src/core/logger.ts";
import { fixture, SlackHarness, sign, signingSecret } from "./slack-harness.ts";

type Handler = (args: CommandArgs) => Promise<void>;

interface Mounted {
  url: string;
  /** Requests that went on to Bolt's side (the `next` listener). */
  passed: string[];
  commands: CommandArgs["command"][];
  errors: string[];
}

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** The direct path behind the signature guard, as createSlackAdapter mounts it (or without the guard). */
async function mount(handler: Handler, guarded = true): Promise<Mounted> {
  const passed: string[] = [];
  const commands: CommandArgs["command"][] = [];
  const errors: string[] = [];
  const logger: Logger = { ...silentLogger, error: (message: string) => errors.push(message) };
  const next = (req: IncomingMessage, res: ServerResponse) => {
    passed.push(String((req as IncomingMessage & { rawBody?: Buffer }).rawBody ?? ""));
    res.writeHead(204);
    res.end();
  };
  const direct = answerCommandsDirectly(
    async (args) => {
      commands.push(args.command);
      await handler(args);
    },
    logger,
    next,
  );
  const listener = guarded ? guardSlackRequests({ signingSecret, logger: silentLogger }, direct) : direct;
  server = createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/slack/events`, passed, commands, errors };
}

async function post(url: string, body: string, contentType = "application/x-www-form-urlencoded") {
  const timestamp = Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: "POST",
    body,
    headers: {
      "content-type": contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": sign(body, timestamp),
    },
  });
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

const commandBody = (text = "fault 303-RSC") =>
  new URLSearchParams({ ...fixture<Record<string, string>>("slash-command"), text }).toString();

describe("slash commands answered without Bolt's receiver", () => {
  it("hands a signed command to its handler, parsed as Bolt parses it, and writes the ack as Bolt does", async () => {
    const m = await mount(async ({ ack }) => {
      await ack({ response_type: "ephemeral", text: "303-RSC", blocks: [{ type: "divider" }] });
    });
    const answer = await post(m.url, commandBody("fault 303-RSC & more"));
    expect(answer).toEqual({
      status: 200,
      type: "application/json",
      text: JSON.stringify({ response_type: "ephemeral", text: "303-RSC", blocks: [{ type: "divider" }] }),
    });
    expect(m.commands).toHaveLength(1);
    expect({ ...m.commands[0] }).toEqual({
      ...fixture<Record<string, string>>("slash-command"),
      text: "fault 303-RSC & more",
    });
    expect(m.passed).toEqual([]);
  });

  it("answers an empty ack with an empty 200, as Bolt does", async () => {
    const m = await mount(async ({ ack }) => ack());
    expect(await post(m.url, commandBody())).toEqual({ status: 200, type: null, text: "" });
  });

  it("passes buttons, events, the ssl_check and unnamed commands on to Bolt untouched", async () => {
    const m = await mount(async ({ ack }) => ack());
    const payload = new URLSearchParams({ payload: JSON.stringify({ type: "block_actions", command: "/cp" }) });
    const bodies = [
      payload.toString(),
      new URLSearchParams({ ssl_check: "1", command: "/cp" }).toString(),
      new URLSearchParams({ command: "cp", text: "no slash" }).toString(),
    ];
    for (const body of bodies) expect((await post(m.url, body)).status).toBe(204);
    const event = JSON.stringify({ type: "event_callback", event: { type: "app_mention" }, command: "/cp" });
    expect((await post(m.url, event, "application/json")).status).toBe(204);
    // A content type Bolt would not read as form fields is Bolt's to refuse, not ours to read.
    expect((await post(m.url, commandBody(), "application/x-www-form-urlencoded; charset=utf-8")).status).toBe(204);
    expect(m.commands).toEqual([]);
    expect(m.passed).toEqual([...bodies, event, commandBody()]);
  });

  it("never takes a request whose signature the guard did not check", async () => {
    const m = await mount(async ({ ack }) => ack(), false);
    expect((await post(m.url, commandBody())).status).toBe(204);
    expect(m.commands).toEqual([]);
    // Gone on unread (no rawBody): behind createSlackAdapter's mount, verifiedOnly refuses it with 401.
    expect(m.passed).toEqual([""]);
  });

  it("refuses a second acknowledgement as Bolt does, keeping the first", async () => {
    let second: unknown;
    const m = await mount(async ({ ack }) => {
      await ack("first");
      second = await ack("second").catch((error: unknown) => error);
    });
    expect(await post(m.url, commandBody())).toMatchObject({ status: 200, text: "first" });
    expect(second).toBeInstanceOf(ReceiverMultipleAckError);
  });

  it("answers 500 when the handler fails before acknowledging, 404 when it never does, and logs both", async () => {
    const failing = await mount(async () => {
      throw new Error("boom");
    });
    expect((await post(failing.url, commandBody())).status).toBe(500);
    expect(failing.errors).toEqual(["Slack listener failed"]);
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    const silent = await mount(async () => {});
    expect((await post(silent.url, commandBody())).status).toBe(404);
    expect(silent.errors).toEqual(["slash command finished without an acknowledgement"]);
  });
});

describe("whether the acknowledgement left", () => {
  it("ack resolves once the response was written", async () => {
    let outcome: unknown;
    const m = await mount(async ({ ack }) => {
      outcome = await ack({ text: "303-RSC" }).then(
        () => "written",
        (error: unknown) => error,
      );
    });
    expect((await post(m.url, commandBody())).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(outcome).toBe("written");
  });

  it("ack rejects with AckNotWritten when the connection closed before it", async () => {
    let outcome: unknown;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => {
      done = resolve;
    });
    const m = await mount(async ({ ack }) => {
      // Slack gave up (or a proxy cut the connection) while the answer was being decided.
      await new Promise((resolve) => setTimeout(resolve, 150));
      outcome = await ack({ text: "303-RSC" }).then(
        () => "written",
        (error: unknown) => error,
      );
      done();
    });
    const { port } = new URL(m.url);
    const body = commandBody();
    const timestamp = Math.floor(Date.now() / 1000);
    const socket = connect(Number(port), "127.0.0.1", () => {
      socket.write(
        [
          "POST /slack/events HTTP/1.1",
          "Host: 127.0.0.1",
          "Content-Type: application/x-www-form-urlencoded",
          `Content-Length: ${Buffer.byteLength(body)}`,
          `X-Slack-Request-Timestamp: ${timestamp}`,
          `X-Slack-Signature: ${sign(body, timestamp)}`,
          "",
          body,
        ].join("\r\n"),
      );
      setTimeout(() => socket.destroy(), 30);
    });
    await finished;
    expect(outcome).toBeInstanceOf(AckNotWritten);
  });
});

describe("ackJson", () => {
  const shared = deepFreeze([{ type: "section", text: { type: "mrkdwn", text: "Relay Stuck Closed" } }]);

  it("is JSON.stringify of the body, kept for a shared card's frozen blocks", () => {
    const body = { response_type: "ephemeral", text: "303-RSC", blocks: shared } as RespondArguments;
    const first = ackJson(body);
    expect(first).toBe(JSON.stringify(body));
    expect(ackJson({ ...body } as RespondArguments)).toBe(first);
    const inChannel = { ...body, response_type: "in_channel" } as RespondArguments;
    expect(ackJson(inChannel)).toBe(JSON.stringify(inChannel));
    const otherText = { ...body, text: "something else" } as RespondArguments;
    expect(ackJson(otherText)).toBe(JSON.stringify(otherText));
    const extra = { ...body, thread_ts: "1.2" } as RespondArguments;
    expect(ackJson(extra)).toBe(JSON.stringify(extra));
  });

  it("never keeps a body built for one person: the next person's own text comes out", () => {
    const forAnn = [{ type: "section", text: { type: "mrkdwn", text: "Ann asked &lt;!here&gt;" } }];
    const forBob = [{ type: "section", text: { type: "mrkdwn", text: "Bob asked about CPF-2" } }];
    const ann = ackJson({ response_type: "ephemeral", text: "x", blocks: forAnn } as RespondArguments);
    const bob = ackJson({ response_type: "ephemeral", text: "x", blocks: forBob } as RespondArguments);
    expect(ann).toContain("Ann asked");
    expect(bob).toContain("Bob asked about CPF-2");
    expect(bob).not.toContain("Ann");
  });
});

describe("/cp through the direct path, end to end", () => {
  it("gives two people the same shared answer, and one person's own words reach only that person, escaped", async () => {
    const h = await SlackHarness.start();
    try {
      const ann = await h.command({ ...h.slash("fault 303-RSC"), user_id: "UANN00001", user_name: "ann" });
      const bob = await h.command({ ...h.slash("fault 303-RSC"), user_id: "UBOB00002", user_name: "bob" });
      expect(ann.status).toBe(200);
      expect(JSON.parse(ann.text).blocks).toEqual(JSON.parse(bob.text).blocks);
      const own = await h.command({
        ...h.slash("fault 303-RSC station CPF-77 shows <!here> Zed"),
        user_id: "UCAT00003",
        user_name: "cat",
      });
      const after = await h.command({ ...h.slash("fault 303-RSC"), user_id: "UDAN00004", user_name: "dan" });
      expect(own.text).toContain("CPF-77");
      expect(own.text).not.toContain("<!here>");
      expect(after.text).not.toContain("CPF-77");
      expect(JSON.parse(after.text).blocks).toEqual(JSON.parse(ann.text).blocks);
    } finally {
      await h.close();
    }
  });
});
