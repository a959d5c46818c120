import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cardToBlockKit } from "../../../adapters/slack/card-to-block-kit.ts";
import { deliveryClient } from "../../../adapters/slack/delivery-client.ts";
import { ResponseUrlError, respondToUrl } from "../../../adapters/slack/respond-to-url.ts";
import { slackDeliveryError } from "../../../adapters/slack/slack-delivery-error.ts";
import { webApiBlocks } from "../../../adapters/slack/web-api-blocks.ts";
import { relayOverviewCard } from "./relay-overview-card.ts";

const card = relayOverviewCard;

interface Seen {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

type Reply = (res: ServerResponse) => void;

/** A loopback Slack: records each request and answers with the next queued reply (ok:true by default). */
describe("deliveryClient: the Web API calls replies go out with", () => {
  const seen: Seen[] = [];
  let replies: Reply[] = [];
  const hung: ServerResponse[] = [];
  let url = "";
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      seen.push({ path: req.url ?? "", headers: req.headers, body });
      const reply = replies.shift();
      if (reply) return reply(res);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, channel: "C1", ts: "1700000000.000200" }));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  });
  beforeEach(() => {
    seen.length = 0;
    replies = [];
  });
  afterAll(async () => {
    for (const res of hung) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const client = (timeoutMs = 2000) => deliveryClient({ token: "xoxb-test-token", apiUrl: url, timeoutMs });
  const [message] = cardToBlockKit(card);
  const args = {
    channel: "C1",
    text: message!.text,
    blocks: webApiBlocks(message!.blocks),
    thread_ts: "1.1",
    unfurl_links: false,
    unfurl_media: false,
  };

  it("sends Slack the very bytes, method path and bearer token Bolt's WebClient sends", async () => {
    const webClient = new webApi.WebClient("xoxb-test-token", { slackApiUrl: url, retryConfig: { retries: 0 } });
    await webClient.chat.postMessage({ ...args, blocks: message!.blocks });
    const posted = await client().chat.postMessage(args);
    await client().chat.postEphemeral({ channel: "C1", user: "U1", text: "t", blocks: args.blocks });
    await client().chat.update({ channel: "C1", ts: "1.2", text: "t", blocks: args.blocks });
    expect(posted).toMatchObject({ ok: true, channel: "C1", ts: "1700000000.000200" });
    const [byWebClient, byUs] = seen;
    expect(byUs?.body).toBe(byWebClient?.body);
    expect(byUs?.path).toBe(byWebClient?.path);
    expect(byUs?.headers.authorization).toBe("Bearer xoxb-test-token");
    expect(byUs?.headers["content-type"]).toBe(byWebClient?.headers["content-type"]);
    expect(seen.map((s) => s.path)).toEqual([
      "/api/chat.postMessage",
      "/api/chat.postMessage",
      "/api/chat.postEphemeral",
      "/api/chat.update",
    ]);
    // The token is a header, never a form field; no live mention reaches Slack.
    expect(byUs?.body).not.toContain("xoxb");
    expect(byUs?.body).not.toContain(encodeURIComponent("<!here>"));
  });

  it("fails with the WebClient's own errors, which the outbox's retry rules read", async () => {
    replies = [
      (res) => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":false,"error":"not_in_channel"}'),
      (res) => res.writeHead(429, { "retry-after": "7" }).end(),
      (res) => res.writeHead(503, { "retry-after": "2" }).end("busy"),
      (res) => res.writeHead(200).end("<html>not json</html>"),
    ];
    const errors: unknown[] = [];
    for (let i = 0; i < 4; i++)
      await client()
        .chat.postMessage(args)
        .catch((e: unknown) => errors.push(e));
    const [refused, limited, down, garbled] = errors as [
      webApi.WebAPIPlatformError,
      webApi.WebAPIRateLimitedError,
      webApi.WebAPIHTTPError,
      webApi.WebAPIPlatformError,
    ];
    expect(refused).toBeInstanceOf(webApi.WebAPIPlatformError);
    expect(refused.data.error).toBe("not_in_channel");
    expect(slackDeliveryError(refused, 0)).toMatchObject({ permanent: true });
    expect(limited).toBeInstanceOf(webApi.WebAPIRateLimitedError);
    expect(slackDeliveryError(limited, 0)).toMatchObject({ retryAfterMs: 7000 });
    expect(down).toBeInstanceOf(webApi.WebAPIHTTPError);
    expect(down.statusCode).toBe(503);
    expect(slackDeliveryError(down, 0)).toMatchObject({ permanent: false, retryAfterMs: 2000 });
    expect(garbled).toBeInstanceOf(webApi.WebAPIPlatformError);
  });

  it("gives up on a call Slack does not answer within the time limit, as a request error worth retrying", async () => {
    replies = [(res) => hung.push(res)];
    const started = Date.now();
    const error = await client(150)
      .chat.postMessage(args)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(webApi.WebAPIRequestError);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(slackDeliveryError(error, 0)).toMatchObject({ permanent: false });
  });

  it("answers a response_url post by its status, with a 429's Retry-After", async () => {
    replies = [
      (res) => res.writeHead(200).end(),
      (res) => res.writeHead(404).end("expired_url"),
      (res) => res.writeHead(429, { "retry-after": "3" }).end(),
    ];
    const respond = respondToUrl(2000);
    await respond(`${url}respond/1`, { text: "hello", response_type: "ephemeral" });
    const expired = await respond(`${url}respond/2`, { text: "again" }).catch((e: unknown) => e);
    const limited = await respond(`${url}respond/3`, { text: "again" }).catch((e: unknown) => e);
    expect(seen).toHaveLength(3);
    expect(JSON.parse(seen[0]!.body)).toEqual({ text: "hello", response_type: "ephemeral" });
    expect(seen[0]?.headers["content-type"]).toBe("application/json");
    expect(expired).toBeInstanceOf(ResponseUrlError);
    expect((expired as ResponseUrlError).status).toBe(404);
    expect((limited as ResponseUrlError).retryAfterMs).toBe(3000);
  });
});
