import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { escId, escPattern } from "../../escalation-id.ts";
import { buttonsOf, type Envelope, escalationChannel, fixture, SlackHarness, textOf } from "./slack-harness.ts";

let h: SlackHarness;
beforeEach(async () => {
  h = await SlackHarness.start();
});
afterEach(async () => {
  await h.close();
});

const sue = { id: "USUE00001", username: "sue" };
const labels = (m: Parameters<typeof buttonsOf>[0] | undefined) => (m ? buttonsOf(m).map((b) => b.text.text) : []);

describe("Slack: from a question in a channel to a resolved escalation", () => {
  it("answers in the thread, walks in place, escalates, and mirrors Claim and Resolve", async () => {
    const { envelope, ts } = h.mention("the relay is stuck closed on port 2");
    expect((await h.event(envelope)).status).toBe(200);

    // The overview goes into the thread of the question.
    const [overview, ...others] = h.messagesIn("COPS00001");
    expect(others).toEqual([]);
    expect(overview?.threadTs).toBe(ts);
    expect(textOf(overview)).toContain("Relay Stuck Closed (303-RSC)");
    expect(labels(overview)).toContain("Start walkthrough");

    // Start walkthrough: the first step arrives as a new message in the same thread.
    await h.press(overview, "Start walkthrough");
    const step1 = h.messagesIn("COPS00001").at(-1);
    expect(h.api.callsOf("chat.postMessage")).toHaveLength(2);
    expect(step1?.threadTs).toBe(ts);
    expect(textOf(step1)).toMatch(/Step 1 of \d+/);

    // Done: the same message is edited in place, no new message.
    await h.press(step1, "Done");
    expect(h.api.callsOf("chat.postMessage")).toHaveLength(2);
    const [update] = h.api.callsOf("chat.update");
    expect(update?.body).toMatchObject({ channel: "COPS00001", ts: step1?.ts });
    const step2 = h.messagesIn("COPS00001").at(-1);
    expect(textOf(step2)).toMatch(/Step 2 of \d+/);

    // Answers and walkthrough steps need no link back to the thread: Slack was never asked for one.
    expect(h.api.callsOf("chat.getPermalink")).toEqual([]);

    // Escalate from the step: the handoff starts a thread in the escalation channel.
    expect(step2?.threadTs).toBe(ts);
    await h.press(step2, "Escalate");
    const asked = h.api.callsOf("chat.getPermalink").filter((c) => c.body.channel === "COPS00001");
    expect(asked).toHaveLength(1);
    const [handoff] = h.messagesIn(escalationChannel);
    expect(handoff?.threadTs).toBeUndefined();
    expect(textOf(handoff)).toContain("Relay Stuck Closed");
    // The handoff links back to the requester's thread (permalink of the question).
    expect(textOf(handoff)).toContain(`https://acme.slack.com/archives/COPS00001/p${ts.replace(".", "")}`);
    expect(labels(handoff)).toEqual(["Claim", "Need info", "Resolve"]);
    const told = h.messagesIn("COPS00001").at(-1);
    expect(told?.threadTs).toBe(ts);
    expect(textOf(told)).toMatch(escPattern("Escalated to Support: ESC-0001"));
    const stored = await h.server.store.getEscalation(await escId(h.server.store, 1));
    expect(stored?.delivery.handoffMessageId).toBe(handoff?.ts);

    // Claim in the escalation channel: the handoff is updated in place and the requester's thread is told.
    const before = h.api.calls.length;
    await h.press(handoff, "Claim", { user: sue });
    const afterClaim = h.api.calls.slice(before);
    const claimedUpdate = afterClaim.find((c) => c.method === "chat.update");
    expect(claimedUpdate?.body).toMatchObject({ channel: escalationChannel, ts: handoff?.ts });
    expect(JSON.stringify(claimedUpdate?.body.blocks)).toContain("sue");
    const mirrored = afterClaim.find((c) => c.method === "chat.postMessage");
    expect(mirrored?.body).toMatchObject({ channel: "COPS00001", thread_ts: ts });
    expect(JSON.stringify(mirrored?.body.blocks)).toMatch(escPattern("claimed escalation ESC-0001"));

    // Need info: the requester is asked in their thread, and their plain reply there goes back to Support.
    await h.press(h.messagesIn(escalationChannel).at(-1), "Need info", { user: sue });
    expect(textOf(h.messagesIn("COPS00001").at(-1))).toContain("Please reply in your thread");
    const answer = fixture<Envelope>("message-thread-reply");
    Object.assign(answer.event, { thread_ts: ts, ts: "1699995000.000001", text: "Station CPF-6, no other RSC alarms" });
    await h.event(answer);
    expect(textOf(h.messagesIn("COPS00001").at(-1))).toMatch(escPattern("Sent to Support: ESC-0001"));
    const relayed = h.messagesIn(escalationChannel).filter((m) => m.threadTs === handoff?.ts);
    expect(relayed.map((m) => textOf(m)).join()).toContain("Station CPF-6, no other RSC alarms");

    // Resolve: same again, and the buttons are gone from the handoff.
    const claimed = h
      .messagesIn(escalationChannel)
      .filter((m) => m.ts === handoff?.ts)
      .at(-1);
    await h.press(claimed, "Resolve", { user: sue });
    const resolved = h
      .messagesIn(escalationChannel)
      .filter((m) => m.ts === handoff?.ts)
      .at(-1);
    expect(resolved?.ts).toBe(handoff?.ts);
    expect(labels(resolved)).toEqual([]);
    const resolvedNotice = h.messagesIn("COPS00001").at(-1);
    expect(resolvedNotice?.threadTs).toBe(ts);
    expect(textOf(resolvedNotice)).toMatch(escPattern("resolved escalation ESC-0001"));
    expect((await h.server.store.getEscalation(await escId(h.server.store, 1)))?.status).toBe("resolved");

    // Nothing cpbot sent ever asked Slack to parse names or links.
    for (const call of h.api.calls) {
      expect(call.body).not.toHaveProperty("link_names");
      expect(call.body).not.toHaveProperty("parse");
    }
  });
});
