import { afterEach, describe, expect, it } from "vitest";
import { escPattern } from "../../escalation-id.ts";
import { botToken, escalationChannel, SlackHarness, signingSecret, textOf } from "./slack-harness.ts";

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("Slack: user text never pings anyone", () => {
  it("a question with <!channel> and <@U…> is shown escaped in every body cpbot sends", async () => {
    h = await SlackHarness.start();
    const { envelope } = h.mention("escalate <!channel> <!here> station dead, ask <@U0HACKER> & co");
    await h.event(envelope);
    await h.command(h.slash("escalate &lt;!everyone&gt; <@U0HACKER|mallory> too"));
    const sent = h.api.everythingSent();
    // The text was echoed (in the handoff), escaped.
    expect(sent).toContain("&lt;!channel&gt;");
    expect(sent).toContain("&lt;@U0HACKER&gt;");
    expect(sent).toContain("&amp; co");
    for (const token of ["<!channel>", "<!here>", "<!everyone>", "<@U0HACKER>", "<@U0HACKER|mallory>"]) {
      expect(sent).not.toContain(token);
    }
    for (const call of h.api.calls) {
      expect(call.body).not.toHaveProperty("link_names");
      expect(call.body).not.toHaveProperty("parse");
    }
  });
});

describe("Slack: the escalation channel refuses the handoff", () => {
  for (const code of ["channel_not_found", "not_in_channel"]) {
    it(`${code}: the requester is told what to fix, the escalation stays stored and is posted later`, async () => {
      h = await SlackHarness.start();
      // Only the escalation channel refuses; the requester's thread works.
      const { envelope, ts } = h.mention("escalate charger at site 4 is dead");
      h.api.refuse(escalationChannel, code);
      await h.event(envelope);

      const told = h.messagesIn("COPS00001");
      expect(told.every((m) => m.threadTs === ts)).toBe(true);
      const all = told.map((m) => textOf(m)).join("\n");
      expect(all).toMatch(escPattern("ESC-0001"));
      expect(all).toContain("saved");
      expect(all).toContain(code);
      expect(all).toContain(code === "not_in_channel" ? "/invite @cpbot" : escalationChannel);
      expect((await h.server.store.listPendingDeliveries()).map((e) => e.id)).toEqual([
        expect.stringMatching(escPattern("ESC-0001", true)),
      ]);
      expect(h.logs.join("\n")).toContain(`Slack refused a post in ${escalationChannel} (${code})`);

      // Someone fixes the channel; the next retry posts the handoff and tells the requester's thread.
      h.api.allow(escalationChannel);
      await h.server.engine.retryPendingDeliveries();
      // The requester's notice goes through the outbox (retried if their thread fails too).
      await h.server.idle();
      const [handoff] = h.messagesIn(escalationChannel).filter((m) => m.ts);
      expect(textOf(handoff)).toMatch(escPattern("ESC-0001"));
      expect(await h.server.store.listPendingDeliveries()).toEqual([]);
      expect(textOf(h.messagesIn("COPS00001").at(-1))).toContain("reached Support");
    });
  }
});

describe("Slack rate limits", () => {
  it("a 429 is waited out for Retry-After and the post retried by the outbox", async () => {
    h = await SlackHarness.start();
    h.api.answerNext("chat.postMessage", {
      status: 429,
      headers: { "retry-after": "1" },
      body: { ok: false, error: "ratelimited" },
    });
    const { envelope } = h.mention("fault 303-RSC");
    await h.event(envelope);
    const started = Date.now();
    while (h.api.callsOf("chat.postMessage").length < 2 && Date.now() - started < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Not before the second Slack asked for.
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    const posts = h.api.callsOf("chat.postMessage").slice(0, 2);
    expect(posts.map((p) => (p.result as { ok: boolean }).ok)).toEqual([false, true]);
    expect(posts[0]?.body).toEqual(posts[1]?.body);
  });
});

describe("Slack secrets", () => {
  it("never writes the bot token or the signing secret to the log, even at debug level", async () => {
    h = await SlackHarness.start();
    const { envelope } = h.mention("escalate charger at site 4 is dead");
    await h.event(envelope);
    await h.event(envelope, { signature: "v0=0000" });
    const log = h.logs.join("\n");
    expect(log).toContain("Slack request refused before it reached the bot");
    expect(log).not.toContain(botToken);
    expect(log).not.toContain(signingSecret);
    // The token did reach Slack, as a bearer header.
    expect(h.api.calls.every((c) => c.token === botToken)).toBe(true);
  });
});
