import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { escalationChannel, SlackHarness, textOf } from "./slack-harness.ts";

let h: SlackHarness;
beforeEach(async () => {
  h = await SlackHarness.start();
});
afterEach(async () => {
  await h.close();
});

const sue = { id: "USUE00001", username: "sue" };
const mallory = { id: "UMALLORY1", username: "mallory" };

describe("Slack: only members of the escalation channel act on escalations", () => {
  it("mallory's signed Claim and Resolve get an ephemeral refusal; the handoff and the requester's thread are untouched", async () => {
    const { envelope } = h.mention("the relay is stuck closed on port 2");
    await h.event(envelope);
    await h.press(h.messagesIn("COPS00001").at(-1), "Escalate…");
    const [handoff] = h.messagesIn(escalationChannel);
    const sentBefore = h.api.callsOf("chat.postMessage").length;

    expect((await h.press(handoff, "Claim", { user: mallory })).status).toBe(200);
    expect((await h.press(handoff, "Resolve", { user: mallory })).status).toBe(200);

    const refusals = h.api.callsOf("chat.postEphemeral");
    expect(refusals).toHaveLength(2);
    expect(refusals[0]?.body).toMatchObject({ channel: escalationChannel, user: mallory.id, thread_ts: handoff?.ts });
    expect(JSON.stringify(refusals[0]?.body.blocks)).toContain(
      "Only Support (members of the escalation channel) can claim ESC-0001",
    );
    expect(h.api.callsOf("chat.update")).toHaveLength(0);
    expect(h.api.callsOf("chat.postMessage")).toHaveLength(sentBefore);
    expect((await h.server.store.getEscalation("ESC-0001"))?.status).toBe("open");
    // Two presses within a minute: the channel's members were asked once.
    expect(h.api.callsOf("conversations.members")).toHaveLength(1);
    expect(h.api.callsOf("conversations.members")[0]?.body).toMatchObject({ channel: escalationChannel });

    await h.press(handoff, "Claim", { user: sue });
    expect((await h.server.store.getEscalation("ESC-0001"))?.status).toBe("claimed");
    expect(textOf(h.messagesIn("COPS00001").at(-1))).toContain("sue claimed escalation ESC-0001");
  });

  it("when Slack cannot list the members, nobody outside ESCALATION_RESPONDERS may act (fail closed)", async () => {
    await h.close();
    h = await SlackHarness.start({ ESCALATION_RESPONDERS: "URITA0001" });
    h.api.members.clear();
    const { envelope } = h.mention("the relay is stuck closed on port 2");
    await h.event(envelope);
    await h.press(h.messagesIn("COPS00001").at(-1), "Escalate…");
    const [handoff] = h.messagesIn(escalationChannel);
    await h.press(handoff, "Claim", { user: sue });
    expect((await h.server.store.getEscalation("ESC-0001"))?.status).toBe("open");
    expect(h.logs.join("\n")).toContain("could not read the escalation channel's members");
    await h.press(handoff, "Claim", { user: { id: "URITA0001", username: "rita" } });
    expect((await h.server.store.getEscalation("ESC-0001"))?.status).toBe("claimed");
  });
});
