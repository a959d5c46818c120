import { afterEach, describe, expect, it } from "vitest";
import { botToken, SlackHarness } from "./slack-harness.ts";

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

const now = () => Math.floor(Date.now() / 1000);

/** Every message cpbot posted or answered with, through the Web API or a response_url. */
function postsSent(harness: SlackHarness): number {
  const api = harness.api.calls.filter((c) => c.method === "chat.postMessage" || c.method === "chat.postEphemeral");
  return api.length + harness.api.responses.length;
}

describe("Slack: limits on what a request can cost", () => {
  it("refuses a correctly signed request dated a year ahead (a request made to be replayed later)", async () => {
    h = await SlackHarness.start();
    const { envelope } = h.mention("what does 303-RSC mean");
    const ahead = now() + 365 * 24 * 3600;
    expect((await h.event(envelope, { timestamp: ahead })).status).toBe(401);
    // A minute of clock drift is still fine.
    expect((await h.event(envelope, { timestamp: now() + 30 })).status).toBe(200);
    expect(h.api.callsOf("chat.postMessage")).toHaveLength(1);
  });

  it("answers 401 to an unsigned 4 MB body without reading it, and 413 to a signed one over 256 KiB", async () => {
    h = await SlackHarness.start();
    const huge = JSON.stringify({ type: "event_callback", padding: "x".repeat(4 * 1024 * 1024) });
    const unsigned = await h.send(huge, "application/json", { signature: null });
    expect(unsigned.status).toBe(401);
    const big = JSON.stringify({ type: "event_callback", padding: "x".repeat(300 * 1024) });
    expect((await h.send(big, "application/json")).status).toBe(413);
    expect(h.logs.join("\n")).toContain("body over 262144 bytes");
    expect(h.api.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
  });

  it("a 40,000-character message gets at most 3 posts, saying how much was read; null bytes and pasted tokens never come back", async () => {
    h = await SlackHarness.start();
    const pasted = "xoxp-9999-8888-SECRETsecret";
    const { envelope } = h.mention(`relay stuck \u0000closed ${pasted} ${"lorem ipsum ".repeat(3400)}`);
    expect((await h.event(envelope)).status).toBe(200);
    expect(postsSent(h)).toBeGreaterThan(0);
    expect(postsSent(h)).toBeLessThanOrEqual(3);
    const sent = h.api.everythingSent();
    expect(sent).toContain("I read the first 6,000");
    expect(sent).not.toContain("\\u0000");
    expect(sent).not.toContain(pasted);
    // Nor is it stored: the analytics keep the question as cleaned.
    const stored = JSON.stringify(await h.server.store.listEvents({}));
    expect(stored).not.toContain(pasted);
    expect(stored).toContain("[redacted]");
    expect(sent).not.toContain(botToken);
  });

  it("a 200,000-character slash command is answered in at most 3 posts", async () => {
    h = await SlackHarness.start();
    await h.command(h.slash(`station says ${"overcharged ".repeat(16_000)}`, "cmd-long"));
    expect(h.api.responses.length).toBeGreaterThan(0);
    expect(postsSent(h)).toBeLessThanOrEqual(3);
  });

  it("RATE_LIMIT_PER_MINUTE: a flood is acknowledged with 200, answered up to the limit plus one 'slow down'; others still answered", async () => {
    h = await SlackHarness.start({ RATE_LIMIT_PER_MINUTE: "3" });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const { envelope } = h.mention("what does 303-RSC mean", { user: "UFLOODER1" });
      statuses.push((await h.event(envelope)).status);
    }
    expect(statuses.every((s) => s === 200)).toBe(true);
    const posts = h.api.callsOf("chat.postMessage");
    expect(posts).toHaveLength(4);
    expect(JSON.stringify(posts[3]?.body.blocks)).toContain("Slow down, please");
    const { envelope } = h.mention("what does 303-RSC mean", { user: "UOTHER001" });
    await h.event(envelope);
    expect(h.api.callsOf("chat.postMessage")).toHaveLength(5);
    expect(JSON.stringify(h.api.callsOf("chat.postMessage")[4]?.body.blocks)).toContain("303-RSC");
  });

  it("five slash commands while response_url and the Web API are failing: all five answered (in the acknowledgement)", async () => {
    h = await SlackHarness.start();
    const release = h.api.holdResponses();
    h.api.failAlways("chat.postMessage", "internal_error");
    h.api.failAlways("chat.postEphemeral", "internal_error");
    const acks = [];
    for (let i = 0; i < 5; i++) acks.push(await h.command(h.slash("fault 303-RSC", `cmd-down${i}`), { wait: false }));
    expect(acks.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(acks.every((a) => a.text.includes("Relay Stuck Closed (303-RSC)"))).toBe(true);
    release();
  });
});
