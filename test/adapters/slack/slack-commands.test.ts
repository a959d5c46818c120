import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buttonsOf, fixture, type SlackBlock, SlackHarness, textOf } from "./slack-harness.ts";

let h: SlackHarness;
beforeEach(async () => {
  h = await SlackHarness.start();
});
afterEach(async () => {
  await h.close();
});

interface ViewPayload {
  trigger_id: string;
  view: { state: { values: Record<string, Record<string, { type: string; value: string | null }>> } };
  [key: string]: unknown;
}

function submission(values: Record<string, string | null>): ViewPayload {
  const payload = fixture<ViewPayload>("view-submission");
  for (const [field, value] of Object.entries(values)) {
    payload.view.state.values[field] = { value: { type: "plain_text_input", value } };
  }
  return payload;
}

describe("Slack slash command /cp", () => {
  it("answers privately in the acknowledgement itself, so a failing response_url cannot lose it", async () => {
    // response_url is held: the answer must not depend on it.
    const release = h.api.holdResponses();
    const ack = await h.command(h.slash("fault 303-RSC", "cmd-fault"), { wait: false });
    expect(ack.status).toBe(200);
    release();
    await h.server.idle();
    // Exactly one answer: in the acknowledgement when ready within 2 s (always, unless the machine is
    // overloaded), else through response_url once it works again.
    const answers = h.responsesTo("cmd-fault");
    expect(answers).toHaveLength(1);
    const [answer] = h.api.responses;
    expect(answer?.body).toMatchObject({ response_type: "ephemeral" });
    expect(JSON.stringify(answer?.body.blocks)).toContain("Relay Stuck Closed (303-RSC)");
    if (ack.text) expect(answer?.body.inline).toBe(true);
    // Nothing was posted for the channel to see.
    expect(h.api.callsOf("chat.postMessage")).toEqual([]);
  });

  it("`share` answers for the whole channel", async () => {
    await h.command(h.slash("share fault 303-RSC", "cmd-share"));
    const [answer] = h.api.responses;
    expect(answer?.body.response_type).toBe("in_channel");
    expect(JSON.stringify(answer?.body.blocks)).toContain("Relay Stuck Closed (303-RSC)");
  });

  it("says what is wrong with a bad command, privately", async () => {
    await h.command(h.slash("fault 999-XYZ", "cmd-bad"));
    const [answer] = h.api.responses;
    expect(answer?.body.response_type).toBe("ephemeral");
    expect(JSON.stringify(answer?.body.blocks)).toContain("Unknown fault code");
  });

  it("walks through buttons on its private answer by replacing it through response_url", async () => {
    await h.command(h.slash("fault 303-RSC", "cmd-walk"));
    const [overview] = h.responsesTo("cmd-walk");
    await h.press(overview, "Start walkthrough", { responseId: "act-start" });
    const [step1] = h.responsesTo("act-start");
    expect(textOf(step1)).toMatch(/Step 1 of \d+/);
    await h.press(step1, "Done", { responseId: "act-done" });
    const [replaced] = h.api.responses.filter((r) => r.id === "act-done");
    expect(replaced?.body).toMatchObject({ replace_original: true, response_type: "ephemeral" });
    expect(JSON.stringify(replaced?.body.blocks)).toMatch(/Step 2 of \d+/);
    // An ephemeral message cannot be edited with chat.update, and nothing went public.
    expect(h.api.callsOf("chat.update")).toEqual([]);
    expect(h.api.callsOf("chat.postMessage")).toEqual([]);
  });

  it("gives each person their own walkthrough: two people's /cp in one channel never share a session", async () => {
    await h.command(h.slash("fault 303-RSC", "cmd-ann"));
    const [annOverview] = h.responsesTo("cmd-ann");
    await h.press(annOverview, "Start walkthrough", { responseId: "ann-start" });
    const [annStep1] = h.responsesTo("ann-start");
    await h.press(annStep1, "Done", { responseId: "ann-done" });
    expect(textOf(h.responsesTo("ann-done")[0])).toMatch(/Step 2 of \d+/);

    // Bob, in the same channel, escalates: he has asked nothing, so Ann's walkthrough is not his to escalate.
    const bob = { ...h.slash("escalate", "cmd-bob"), user_id: "UBOB00001", user_name: "bob" };
    await h.command(bob);
    const [bobAnswer] = h.responsesTo("cmd-bob");
    expect(textOf(bobAnswer)).not.toContain("Escalated to Support");
    expect(h.api.callsOf("chat.postMessage")).toEqual([]);

    // Ann's walkthrough is still where she left it.
    await h.press(h.responsesTo("ann-done")[0], "Done", { responseId: "ann-done-2" });
    expect(textOf(h.responsesTo("ann-done-2")[0])).toMatch(/Step 3 of \d+/);
  });
});

describe("Slack /cp msg: the station message modal", () => {
  it("opens a modal with Name, Description, Line 1 and Line 2 using the command's trigger_id", async () => {
    const slash = h.slash("msg", "cmd-msg");
    expect((await h.command(slash)).status).toBe(200);
    const [open] = h.api.callsOf("views.open");
    expect(open?.body.trigger_id).toBe(slash.trigger_id);
    const view = open?.body.view as { callback_id: string; private_metadata: string; blocks: SlackBlock[] };
    expect(view.callback_id).toBe("cpbot.station-message");
    expect(JSON.parse(view.private_metadata)).toEqual({ channel: "COPS00001", user: "UANN00001" });
    const inputs = view.blocks.filter((b) => b.type === "input");
    expect(inputs.map((b) => b.block_id)).toEqual(["name", "description", "line1", "line2"]);
    expect(h.api.responses).toEqual([]);
  });

  it("says so privately when Slack will not open the modal, with the one-line alternative", async () => {
    h.api.answerNext("views.open", { ok: false, error: "expired_trigger_id" });
    await h.command(h.slash("msg form", "cmd-late"));
    const [answer] = h.responsesTo("cmd-late");
    expect(answer?.ephemeral).toBe(true);
    expect(textOf(answer)).toContain("expired_trigger_id");
    expect(textOf(answer)).toContain("/cp msg Closed today | Back at 8am");
  });

  it("answers field errors keyed by block_id and posts nothing", async () => {
    const reply = await h.interact(submission({ name: null, line1: "Closed until Monday <3", line2: "Back | soon" }));
    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.text) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(Object.keys(body.errors).sort()).toEqual(["line1", "line2", "name"]);
    expect(body.errors.name).toContain("Station Message Name is empty");
    expect(body.errors.line1).toMatch(/15/);
    expect(body.errors.line2).toContain("|");
    expect(h.api.calls.filter((c) => c.method !== "auth.test")).toEqual([]);
  });

  it("closes the modal on a valid message and posts the preview to the person only", async () => {
    const reply = await h.interact(submission({}));
    expect(reply).toEqual({ status: 200, text: "" });
    const [preview] = h.api.callsOf("chat.postEphemeral");
    expect(preview?.body).toMatchObject({ channel: "COPS00001", user: "UANN00001" });
    const text = JSON.stringify(preview?.body.blocks);
    for (const shown of ["Holiday closure", "Closed today", "Back at 8am", "Apply Station Messages"]) {
      expect(text).toContain(shown);
    }
  });

  it("sends the preview to the person's DM when cpbot is not in the channel", async () => {
    h.api.answerNext("chat.postEphemeral", { ok: false, error: "channel_not_found" });
    await h.interact(submission({}));
    const [dm] = h.api.callsOf("chat.postMessage");
    expect(dm?.body.channel).toBe("UANN00001");
    expect(JSON.stringify(dm?.body.blocks)).toContain("Closed today");
  });
});

describe("Slack buttons on messages", () => {
  it("a button press is acknowledged with an empty 200 before the answer", async () => {
    const { envelope } = h.mention("fault 303-RSC");
    await h.event(envelope);
    const [overview] = h.messagesIn("COPS00001");
    expect(buttonsOf(overview!).length).toBeGreaterThan(0);
    expect(await h.press(overview, "Start walkthrough")).toEqual({ status: 200, text: "" });
  });
});
