import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SlackHarness, sign } from "./slack-harness.ts";

let h: SlackHarness;
beforeEach(async () => {
  h = await SlackHarness.start();
});
afterEach(async () => {
  await h.close();
});

const now = () => Math.floor(Date.now() / 1000);

/** No Web API call after start-up's auth.test, no reply, and nothing in the database. */
async function expectNothingChanged(callsBefore: number) {
  expect(h.api.calls.slice(callsBefore)).toEqual([]);
  expect(h.api.responses).toEqual([]);
  // Nothing but the server's own start-up audit record.
  expect(
    (await h.server.store.listEvents()).filter(
      (e) => (e.data as { action?: string } | undefined)?.action !== "started",
    ),
  ).toEqual([]);
  expect(await h.server.store.listEscalations()).toEqual([]);
  expect(await h.server.store.getSession("slack:COPS00001:-")).toBeUndefined();
}

describe("Slack request signatures", () => {
  it("accepts a correctly signed request (the control case)", async () => {
    const { envelope } = h.mention("fault 303-RSC");
    expect((await h.event(envelope)).status).toBe(200);
    expect(h.api.callsOf("chat.postMessage")).toHaveLength(1);
  });

  it("answers Slack's URL verification challenge when it is signed", async () => {
    const reply = await h.event({
      token: "x",
      challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
      type: "url_verification",
    });
    expect(reply.status).toBe(200);
    expect(reply.text).toContain("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
  });

  const rejected: [string, Parameters<SlackHarness["event"]>[1]][] = [
    ["no signature", { signature: null }],
    ["a signature made with another secret", { secret: "00000000000000000000000000000000" }],
    ["a malformed signature", { signature: "v0=not-hex" }],
    ["a timestamp older than five minutes", { timestamp: now() - 6 * 60 }],
    ["a body changed after signing", { tamper: (body) => body.replace("303-RSC", "301-BA") }],
  ];
  for (const [what, options] of rejected) {
    it(`rejects ${what} with 401 and changes nothing`, async () => {
      const before = h.api.calls.length;
      const { envelope } = h.mention("fault 303-RSC");
      expect((await h.event(envelope, options)).status).toBe(401);
      await expectNothingChanged(before);
    });
  }

  it("rejects a slash command and a button press that are not signed by Slack", async () => {
    const before = h.api.calls.length;
    const slash = h.slash("escalate station is on fire");
    expect((await h.command(slash, { secret: "ffffffffffffffffffffffffffffffff" })).status).toBe(401);
    const body = new URLSearchParams({ payload: JSON.stringify({ type: "block_actions" }) }).toString();
    const timestamp = now() - 301;
    const reply = await h.send(body, "application/x-www-form-urlencoded", {
      timestamp,
      signature: sign(body, timestamp),
    });
    expect(reply.status).toBe(401);
    await expectNothingChanged(before);
  });
});
