import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SlackHarness, textOf } from "./slack-harness.ts";

let h: SlackHarness;
beforeEach(async () => {
  h = await SlackHarness.start();
});
afterEach(async () => {
  await h.close();
});

/** Slack's message_action payload: Ann picks "Ask cpbot about this message" on Bob's message. */
function shortcut(channel: string, message: { ts: string; text: string; thread_ts?: string }, trigger = "sc1") {
  return {
    type: "message_action",
    token: "ZZZZZZWSxiZZZ2yIvs3peJ",
    action_ts: "1699990100.000300",
    team: { id: "T0001", domain: "acme" },
    user: { id: "UANN00001", username: "ann", name: "ann", team_id: "T0001" },
    channel: { id: channel, name: "ops" },
    callback_id: "ask_cpbot_about_message",
    trigger_id: `${trigger}.738474920.8088930838d88f008e0`,
    message_ts: message.ts,
    message: { type: "message", user: "UBOB00001", ...message },
    response_url: h.api.responseUrl(trigger),
  };
}

describe("Slack message shortcut: Ask cpbot about this message", () => {
  it("matches the message's text and answers in that message's thread", async () => {
    const ticket = {
      ts: "1699990000.000500",
      text: "Customer ticket: the relay is stuck closed on port 2 &amp; won't stop",
    };
    expect((await h.interact(shortcut("COPS00001", ticket))).status).toBe(200);
    const answers = h.messagesIn("COPS00001");
    expect(answers.length).toBeGreaterThan(0);
    expect(answers[0]?.threadTs).toBe(ticket.ts);
    expect(textOf(answers[0])).toMatch(/[Rr]elay [Ss]tuck [Cc]losed/);
    expect(h.api.callsOf("chat.postEphemeral")).toHaveLength(0);
    // The thread now belongs to a session: Start walkthrough works there as after a mention.
    await h.press(answers.at(-1), "Start walkthrough");
    expect(textOf(h.messagesIn("COPS00001").at(-1))).toContain("Step 1 of");
  });

  it("where cpbot may not post, answers the person in their DM and says why", async () => {
    h.api.refuse("CSECRET01", "not_in_channel");
    const alert = { ts: "1699990000.000600", text: "ALERT: station screen says access denied" };
    await h.interact(shortcut("CSECRET01", alert, "sc2"));
    const inDm = h.messagesIn("UANN00001");
    expect(inDm.length).toBeGreaterThan(1);
    expect(textOf(inDm[0])).toContain("I am not a member of that channel (CSECRET01)");
    expect(textOf(inDm[0])).toContain("/invite @cpbot");
    const answer = inDm[1];
    expect(answer?.threadTs).toBe(inDm[0]?.ts);
    expect(textOf(answer)).toMatch(/[Aa]ccess [Dd]enied/);
    // The walkthrough goes on in the DM thread.
    await h.press(inDm.at(-1), "Start walkthrough");
    expect(textOf(h.messagesIn("UANN00001").at(-1))).toContain("Step 1 of");
  });

  it("a shortcut on a reply answers in the reply's thread, not under the reply", async () => {
    const reply = { ts: "1699990000.000800", thread_ts: "1699990000.000700", text: "relay stuck closed again" };
    await h.interact(shortcut("COPS00001", reply, "sc3"));
    expect(h.messagesIn("COPS00001")[0]?.threadTs).toBe("1699990000.000700");
  });
});
