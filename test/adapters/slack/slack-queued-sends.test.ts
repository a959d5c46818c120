import { afterEach, describe, expect, it } from "vitest";
import type { ApiCall } from "./fake-slack-api.ts";
import { escalationChannel, fixture, SlackHarness, textOf } from "./slack-harness.ts";

/**
 * Replies that used to be sent once, directly, now go through the outbox: Slack failing the first send
 * (500) does not lose them, and the retry does not send them twice.
 */
let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const accepted = (c: ApiCall) => (c.result as { ok?: boolean } | undefined)?.ok === true;
const failOnce = { status: 500, body: { ok: false, error: "internal_error" } };

async function until(done: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Nothing left to send: the deliveries under way are over and a sweep finds nothing due. Only a pending
 * row could be sent again, so none pending means no second copy can follow.
 */
async function settled(t: SlackHarness): Promise<void> {
  await t.server.idle();
  await t.server.outbox.sweep();
  await t.server.idle();
  expect(await t.server.store.countDeliveries()).toMatchObject({ pending: 0, dead: 0 });
}

describe("Slack sends that go through the outbox: failing once, then delivered once", () => {
  it("the rate limit's 'slow down' notice", async () => {
    h = await SlackHarness.start({ RATE_LIMIT_PER_MINUTE: "1" });
    const t = h;
    await t.event(t.mention("what does 303-RSC mean", { user: "UFLOODER1" }).envelope);
    t.api.answerNext("chat.postMessage", failOnce);
    await t.event(t.mention("what does 303-RSC mean", { user: "UFLOODER1" }).envelope);
    const slowDown = () =>
      t.api.callsOf("chat.postMessage").filter((c) => accepted(c) && JSON.stringify(c.body).includes("Slow down"));
    await until(() => slowDown().length > 0);
    await settled(t);
    expect(slowDown()).toHaveLength(1);
    expect(t.api.callsOf("chat.postMessage").filter((c) => !accepted(c))).toHaveLength(1);
  });

  it("the message shortcut's answer", async () => {
    h = await SlackHarness.start();
    const t = h;
    t.api.answerNext("chat.postMessage", failOnce);
    const message = {
      type: "message",
      user: "UBOB00001",
      ts: "1699990000.000500",
      text: "relay stuck closed on port 2",
    };
    const status = await t.interact({
      type: "message_action",
      token: "ZZZZZZWSxiZZZ2yIvs3peJ",
      action_ts: "1699990100.000300",
      team: { id: "T0001", domain: "acme" },
      user: { id: "UANN00001", username: "ann", name: "ann", team_id: "T0001" },
      channel: { id: "COPS00001", name: "ops" },
      callback_id: "ask_cpbot_about_message",
      trigger_id: "sc9.738474920.8088930838d88f008e0",
      message_ts: message.ts,
      message,
      response_url: t.api.responseUrl("sc9"),
    });
    expect(status.status).toBe(200);
    await until(() => t.api.callsOf("chat.postMessage").some(accepted));
    await settled(t);
    const answers = t.api.callsOf("chat.postMessage").filter(accepted);
    expect(answers.map((c) => c.body.thread_ts)).toEqual(answers.map(() => message.ts));
    expect(new Set(answers.map((c) => JSON.stringify(c.body.blocks))).size).toBe(answers.length);
    expect(textOf(t.messagesIn("COPS00001")[0])).toMatch(/[Rr]elay [Ss]tuck [Cc]losed/);
    // Slack failed the first post: one retry, and no answer in a DM (that is only for channels cpbot cannot use).
    expect(t.api.callsOf("chat.postMessage").filter((c) => !accepted(c))).toHaveLength(1);
    expect(answers.some((c) => c.body.channel === "UANN00001")).toBe(false);
  });

  it("the /cp msg modal's preview", async () => {
    h = await SlackHarness.start();
    const t = h;
    t.api.answerNext("chat.postEphemeral", failOnce);
    const reply = await t.interact(fixture("view-submission"));
    expect(reply).toEqual({ status: 200, text: "" });
    const previews = () => t.api.callsOf("chat.postEphemeral").filter(accepted);
    await until(() => previews().length > 0);
    await settled(t);
    expect(previews()).toHaveLength(1);
    expect(JSON.stringify(previews()[0]?.body.blocks)).toContain("Apply Station Messages");
  });

  it("an escalation reminder (its key claimed and the post queued in one transaction)", async () => {
    let now = new Date("2026-01-05T09:00:00.000Z");
    h = await SlackHarness.start({ ESCALATION_REMIND_AFTER: "30m" }, undefined, {
      clock: () => now,
      reminderEveryMs: 20,
    });
    const t = h;
    await t.event(t.mention("the relay is stuck closed on port 2").envelope);
    await t.press(t.messagesIn("COPS00001").at(-1), "Escalate…");
    const [handoff] = t.messagesIn(escalationChannel);
    const reminders = () =>
      t.api
        .callsOf("chat.postMessage")
        .filter((c) => accepted(c) && c.body.thread_ts === handoff?.ts && String(c.body.text).startsWith("Reminder:"));
    t.api.answerNext("chat.postMessage", failOnce);
    now = new Date(now.getTime() + 31 * 60_000);
    await until(() => t.api.callsOf("chat.postMessage").some((c) => !accepted(c)));
    // The failed attempt is recorded, with its retry time on the server's clock, before that clock moves:
    // moved first (a loaded machine is slow to record it), the retry was set a backoff after the new time,
    // which the stopped clock never reached.
    await t.server.idle();
    // Then past the first backoff, and the outbox woken now rather than when its real-time timer fires.
    now = new Date(now.getTime() + 60_000);
    t.server.outbox.wake();
    await until(() => reminders().length > 0);
    await settled(t);
    expect(reminders()).toHaveLength(1);
  });
});
