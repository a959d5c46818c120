import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardToBlockKit } from "../../../adapters/slack/card-to-block-kit.ts";
import { webApiBlocks } from "../../../adapters/slack/web-api-blocks.ts";
import { freezeCard } from "../../../src/cards/frozen-card.ts";
import { relayOverviewCard } from "./relay-overview-card.ts";

const card = relayOverviewCard;

describe("blocks given to the Web API as their JSON text", () => {
  const bodies: string[] = [];
  let url = "";
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      bodies.push(body);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, ts: "1.1" }));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("send Slack the same bytes as the blocks themselves", async () => {
    const client = new webApi.WebClient("xoxb-test", { slackApiUrl: url, retryConfig: { retries: 0 } });
    const [message] = cardToBlockKit(card);
    const args = { channel: "C1", text: message!.text, thread_ts: "1.1", unfurl_links: false };
    await client.chat.postMessage({ ...args, blocks: message!.blocks });
    await client.chat.postMessage({ ...args, blocks: webApiBlocks(message!.blocks) });
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toBe(bodies[0]);
    expect(JSON.parse(new URLSearchParams(bodies[1]).get("blocks") ?? "")).toEqual(message!.blocks);
    // Escaping is the converter's and survives: no live mention reaches Slack.
    expect(bodies[1]).not.toContain(encodeURIComponent("<!here>"));
  });

  it("are made once for a shared card's frozen blocks, each time for blocks that may still change", () => {
    const [shared] = cardToBlockKit(freezeCard(structuredClone(card)));
    expect(webApiBlocks(shared!.blocks)).toBe(webApiBlocks(shared!.blocks));
    const [own] = cardToBlockKit(structuredClone(card));
    const before = webApiBlocks(own!.blocks) as unknown as string;
    own!.blocks.push({ type: "divider" });
    expect(webApiBlocks(own!.blocks)).not.toBe(before);
    expect(JSON.parse(webApiBlocks(own!.blocks) as unknown as string)).toEqual(own!.blocks);
  });
});
