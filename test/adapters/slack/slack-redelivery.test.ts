import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Envelope, escalationChannel, fixture, SlackHarness, textOf } from "./slack-harness.ts";

let h: SlackHarness;
beforeEach(async () => {
  h = await SlackHarness.start();
});
afterEach(async () => {
  await h.close();
});

const replies = () => h.api.callsOf("chat.postMessage").filter((c) => c.body.channel === "COPS00001");
const handoffs = () => h.api.callsOf("chat.postMessage").filter((c) => c.body.channel === escalationChannel);

describe("Slack redeliveries and duplicates", () => {
  it("a retry (X-Slack-Retry-Num) of an event already handled produces nothing: one reply, one escalation", async () => {
    const { envelope } = h.mention("escalate charger at site 4 is dead");
    await h.event(envelope);
    expect(replies()).toHaveLength(1);
    expect(handoffs()).toHaveLength(1);
    // The requester by the display name Slack sent with the mention (no users:read needed).
    expect(JSON.stringify(handoffs()[0]?.body.blocks)).toContain("ann.noc");
    const before = h.api.calls.length;
    for (const retryNum of [1, 2, 3]) expect((await h.event(envelope, { retryNum })).status).toBe(200);
    expect(h.api.calls.slice(before)).toEqual([]);
    expect(await h.server.store.listEscalations()).toHaveLength(1);
  });

  it("the same event_id delivered twice without retry headers is answered once", async () => {
    const { envelope } = h.mention("fault 303-RSC");
    await Promise.all([h.event(envelope), h.event(envelope)]);
    expect(replies()).toHaveLength(1);
  });

  it("a retry that reaches a restarted process is still answered once (the engine remembers the event)", async () => {
    const { envelope } = h.mention("escalate charger at site 4 is dead");
    await h.event(envelope);
    // Another envelope id for the same message, as after a restart where the in-memory ids are gone.
    await h.event({ ...envelope, event_id: "Ev0AFTERRESTART" }, { retryNum: 1 });
    expect(replies()).toHaveLength(1);
    expect(handoffs()).toHaveLength(1);
    expect(await h.server.store.listEscalations()).toHaveLength(1);
  });

  it("a mention inside a thread also sent as message.channels is answered once", async () => {
    const { envelope, ts } = h.mention("the relay is stuck closed on port 2");
    await h.event(envelope);
    const overview = h.messagesIn("COPS00001")[0];
    await h.press(overview, "Start walkthrough");
    const before = replies().length;
    // The person mentions cpbot in the active thread: Slack sends app_mention and message.channels.
    const mention = h.mention("done", { threadTs: ts });
    const asMessage: Envelope = {
      ...mention.envelope,
      event_id: "Ev0SAMEASMESSAGE",
      event: { ...mention.envelope.event, type: "message", channel_type: "channel" },
    };
    await h.event(asMessage);
    await h.event(mention.envelope);
    expect(replies().length).toBe(before + 1);
  });
});

describe("Slack messages cpbot must not answer", () => {
  const ignored: [string, () => Envelope][] = [
    ["another bot's message", () => fixture<Envelope>("bot-message")],
    ["an edit (message_changed)", () => fixture<Envelope>("message-changed")],
    ["a deletion (message_deleted)", () => fixture<Envelope>("message-deleted")],
    [
      "cpbot's own message",
      () => {
        const e = fixture<Envelope>("message-im");
        Object.assign(e.event, { user: "UCPBOT", bot_id: "BCPBOT", text: "Relay Stuck Closed (303-RSC)" });
        return e;
      },
    ],
    [
      "channel chatter that does not mention cpbot",
      () => {
        const e = fixture<Envelope>("message-thread-reply");
        delete e.event.thread_ts;
        e.event.text = "fault 303-RSC again on the east lot";
        return e;
      },
    ],
    ["a reply in a thread cpbot is not working in", () => fixture<Envelope>("message-thread-reply")],
  ];
  for (const [what, envelope] of ignored) {
    it(`ignores ${what}`, async () => {
      const before = h.api.calls.length;
      expect((await h.event(envelope())).status).toBe(200);
      expect(h.api.calls.slice(before)).toEqual([]);
      // Only the server's own start-up audit record: the ignored event stored nothing.
      expect((await h.server.store.listEvents()).filter((e) => e.type !== "audit")).toEqual([]);
      expect(
        (await h.server.store.listEvents({ types: ["audit"] })).map((e) => (e.data as { action: string }).action),
      ).toEqual(["started"]);
    });
  }

  it("ignores people talking in a thread after cpbot answered, until a walkthrough waits for them", async () => {
    const { envelope, ts } = h.mention("the relay is stuck closed on port 2");
    await h.event(envelope);
    const chatter = fixture<Envelope>("message-thread-reply");
    Object.assign(chatter.event, { thread_ts: ts, text: "I'll go and look at it", ts: "1699990300.000001" });
    chatter.event_id = "Ev0CHATTER";
    await h.event(chatter);
    expect(replies()).toHaveLength(1);

    // Once the walkthrough runs, "done" in the thread (no mention) moves it on.
    await h.press(h.messagesIn("COPS00001")[0], "Start walkthrough");
    const reply = fixture<Envelope>("message-thread-reply");
    Object.assign(reply.event, { thread_ts: ts, text: "done", ts: "1699990400.000001" });
    await h.event(reply);
    const last = h.messagesIn("COPS00001").at(-1);
    expect(last?.threadTs).toBe(ts);
    expect(textOf(last)).toMatch(/Step 2 of \d+/);
  });
});

describe("Slack direct messages", () => {
  it("answers a DM in a thread under the message", async () => {
    const dm = fixture<Envelope>("message-im");
    await h.event(dm);
    const [answer] = h.api.callsOf("chat.postMessage");
    expect(answer?.body).toMatchObject({ channel: "DANN00001", thread_ts: dm.event.ts });
    expect(JSON.stringify(answer?.body.blocks)).toContain("Relay Stuck Closed (303-RSC)");
  });
});
