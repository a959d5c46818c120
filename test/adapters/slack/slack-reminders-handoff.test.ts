import { afterEach, describe, expect, it } from "vitest";
import { escalationChannel, SlackHarness, textOf } from "./slack-harness.ts";

let h: SlackHarness;
afterEach(async () => {
  await h.close();
});

const sue = { id: "USUE00001", username: "sue" };

/** Waits (bounded) until `check` holds; the reminder timer runs on its own. */
async function eventually(check: () => boolean, ms = 4000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("Slack: escalation reminders and the richer handoff", () => {
  it("the timer reminds in the handoff thread, then the claimer by mention; the requester is a real mention, updates edit in place", async () => {
    let now = new Date("2026-01-05T09:00:00.000Z");
    h = await SlackHarness.start({ ESCALATION_REMIND_AFTER: "30m" }, undefined, {
      clock: () => now,
      reminderEveryMs: 20,
    });
    expect(h.server.summary).toContain("Escalation reminders: after 30 min unclaimed or idle");
    const { envelope } = h.mention("the relay is stuck closed on port 2");
    await h.event(envelope);
    await h.press(h.messagesIn("COPS00001").at(-1), "Escalate…");
    const [handoff] = h.messagesIn(escalationChannel);
    // The first post names the requester as a real mention: Slack notifies Ann once, here.
    expect(textOf(handoff)).toContain("*Requested by:* <@UANN00001>");

    const inThread = () => h.messagesIn(escalationChannel).filter((m) => m.threadTs === handoff?.ts);
    now = new Date(now.getTime() + 31 * 60_000);
    await eventually(() => inThread().some((m) => m.text.startsWith("Reminder: ESC-0001")));
    expect(textOf(inThread().at(-1))).toContain("Nobody has claimed this escalation for 31 min");

    await h.press(handoff, "Claim", { user: sue });
    // The claim redraws the handoff with chat.update: an edit, which notifies nobody again.
    const redrawn = h.api.callsOf("chat.update").find((c) => c.body.ts === handoff?.ts);
    expect(JSON.stringify(redrawn?.body.blocks)).toContain("<@UANN00001>");
    const before = inThread().length;
    now = new Date(now.getTime() + 31 * 60_000);
    await eventually(() => inThread().length > before && inThread().some((m) => textOf(m).includes("<@USUE00001>")));
    expect(textOf(inThread().at(-1))).toContain("Claimed, but nothing has changed for 31 min");
    // Each reminder went once, though the timer kept running.
    await new Promise((r) => setTimeout(r, 100));
    expect(inThread().filter((m) => m.text.startsWith("Reminder:"))).toHaveLength(2);
  });

  it("a note typed on the escalate form is shown on the handoff card", async () => {
    h = await SlackHarness.start();
    const { envelope } = h.mention("zzqx blorf wibble");
    await h.event(envelope);
    await h.press(h.messagesIn("COPS00001").at(-1), "Escalate…");
    const form = h.messagesIn("COPS00001").at(-1);
    expect(textOf(form)).toContain("Note for Support (optional)");
    await h.press(form, "Submit", {
      inputs: {
        problem: "Station CPF-6 shows Faulted since this morning; a reboot did not help",
        note: "Site manager is on site until 5 pm",
      },
    });
    const [handoff] = h.messagesIn(escalationChannel);
    expect(textOf(handoff)).toContain("Station CPF-6 shows Faulted since this morning");
    expect(textOf(handoff)).toContain("*Note:* Site manager is on site until 5 pm");
  });

  it("evidence given after escalating (words and a file) is appended to the handoff card in place", async () => {
    h = await SlackHarness.start();
    const { envelope, ts } = h.mention("the relay is stuck closed on port 2");
    await h.event(envelope);
    await h.press(h.messagesIn("COPS00001").at(-1), "Escalate…");
    const [handoff] = h.messagesIn(escalationChannel);
    const later = h.mention("the station is CPF-6, here is the alarm log", { threadTs: ts });
    later.envelope.event.files = [
      { name: "alarm-log.csv", permalink: "https://acme.slack.com/files/UANN00001/F0001/alarm-log.csv" },
    ];
    await h.event(later.envelope);
    const redrawn = h.api
      .callsOf("chat.update")
      .filter((c) => c.body.ts === handoff?.ts)
      .at(-1);
    const card = JSON.stringify(redrawn?.body.blocks);
    expect(card).toContain("alarm-log.csv");
    expect(card).toContain("CPF-6");
    // Still the requester's mention on the redrawn card; an edit notifies nobody.
    expect(card).toContain("<@UANN00001>");
  });
});
