import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { escPattern } from "../../escalation-id.ts";
import { escalationChannel, fixture, SlackHarness, textOf } from "./slack-harness.ts";

let h: SlackHarness;
beforeEach(async () => {
  h = await SlackHarness.start();
});
afterEach(async () => {
  nock.cleanAll();
  await h.close();
});

interface OpenedView {
  trigger_id: string;
  view: {
    callback_id: string;
    private_metadata: string;
    blocks: { type: string; block_id?: string; element?: Record<string, unknown> }[];
  };
}

/** Intercepts views.open on the fake Web API's address, as Slack would receive it; `answer` is Slack's reply. */
function interceptViewsOpen(answer: Record<string, unknown> = { ok: true, view: { id: "VESC1" } }): OpenedView[] {
  const opened: OpenedView[] = [];
  const origin = new URL(h.api.apiUrl).origin;
  nock(origin, { allowUnmocked: true })
    .post("/api/views.open")
    .reply(200, (_uri, body) => {
      const fields = new URLSearchParams(String(body));
      opened.push({ trigger_id: String(fields.get("trigger_id")), view: JSON.parse(String(fields.get("view"))) });
      return answer;
    });
  return opened;
}

/** A no-match answer in a thread of its own, and the press of its Escalate… button (with its trigger_id). */
async function escalateFromNoMatch() {
  const { envelope, ts } = h.mention("the coffee machine is broken");
  await h.event(envelope);
  const noMatch = h.messagesIn("COPS00001").at(-1);
  expect(textOf(noMatch)).toContain("Escalate…");
  const posts = h.api.callsOf("chat.postMessage").length;
  await h.press(noMatch, "Escalate…");
  return { ts, posts };
}

/** The view_submission Slack sends when the person presses Submit on the modal cpbot opened. */
function submission(view: OpenedView["view"], problem: string | null, user = "UANN00001", note?: string) {
  const payload = fixture<Record<string, unknown> & { view: Record<string, unknown> }>("view-submission");
  payload.user = { id: user, username: "ann", name: "ann", team_id: "T0001" };
  payload.view = {
    ...payload.view,
    id: "VESC1",
    callback_id: view.callback_id,
    private_metadata: view.private_metadata,
    blocks: view.blocks,
    state: {
      values: {
        problem: { value: { type: "plain_text_input", value: problem } },
        ...(note !== undefined ? { note: { value: { type: "plain_text_input", value: note } } } : {}),
      },
    },
  };
  return payload;
}

describe("Slack: Escalate… from a no-match asks what is wrong in a modal", () => {
  it("opens views.open with the press's trigger_id and a text input holding the question; nothing is posted", async () => {
    const opened = interceptViewsOpen();
    const { posts } = await escalateFromNoMatch();
    expect(opened).toHaveLength(1);
    const [call] = opened;
    expect(call?.trigger_id).toMatch(/^trigger\d+\./);
    expect(call?.view.callback_id).toBe("cpbot.escalate-form");
    const input = call?.view.blocks.find((b) => b.type === "input");
    expect(input).toMatchObject({
      block_id: "problem",
      element: { type: "plain_text_input", multiline: true, initial_value: "the coffee machine is broken" },
    });
    // The question went into the modal, not into the thread as a form card.
    expect(h.api.callsOf("chat.postMessage")).toHaveLength(posts);
    expect(await h.server.store.listEscalations()).toEqual([]);
  });

  it("a submitted modal files the escalation at once with the typed question, and the thread is told", async () => {
    const opened = interceptViewsOpen();
    const { ts } = await escalateFromNoMatch();
    const view = opened[0]?.view;
    if (!view) throw new Error("no modal opened");

    // "ok" is no question for Support: the modal stays open with Slack's inline error, nothing is filed.
    const refused = await h.interact(submission(view, "ok"));
    expect(refused.status).toBe(200);
    expect(JSON.parse(refused.text)).toMatchObject({
      response_action: "errors",
      errors: { problem: expect.stringContaining("Say what is wrong") },
    });
    expect(await h.server.store.listEscalations()).toEqual([]);

    const filed = await h.interact(submission(view, "Station CPF-6 shows Faulted after the reboot"));
    expect(filed.status).toBe(200);
    expect(filed.text).toBe("");
    const [escalation] = await h.server.store.listEscalations();
    expect(JSON.stringify(escalation?.handoff)).toContain("Station CPF-6 shows Faulted after the reboot");
    expect(textOf(h.messagesIn(escalationChannel)[0])).toContain("Station CPF-6 shows Faulted after the reboot");
    const told = h.messagesIn("COPS00001").at(-1);
    expect(told?.threadTs).toBe(ts);
    expect(textOf(told)).toMatch(escPattern("Escalated to Support: ESC-0001"));

    // Slack delivering the same submission again files nothing more.
    await h.interact(submission(view, "Station CPF-6 shows Faulted after the reboot"));
    expect(await h.server.store.listEscalations()).toHaveLength(1);
  });

  it("the modal carries the optional note for Support, and a note submitted is shown on the handoff card", async () => {
    const opened = interceptViewsOpen();
    await escalateFromNoMatch();
    const view = opened[0]?.view;
    if (!view) throw new Error("no modal opened");
    expect(
      view.blocks.filter((b) => b.type === "input").map((b) => [b.block_id, (b as { optional?: boolean }).optional]),
    ).toEqual([
      ["problem", false],
      ["note", true],
    ]);
    await h.interact(
      submission(
        view,
        "Station CPF-6 shows Faulted since this morning; a reboot did not help",
        "UANN00001",
        "Site manager is on site until 5 pm",
      ),
    );
    const [handoff] = h.messagesIn(escalationChannel);
    expect(textOf(handoff)).toContain("Station CPF-6 shows Faulted since this morning");
    expect(textOf(handoff)).toContain("*Note:* Site manager is on site until 5 pm");
  });

  it("when Slack refuses the modal (expired trigger), the question is posted in the thread as a card", async () => {
    interceptViewsOpen({ ok: false, error: "expired_trigger_id" });
    const { ts, posts } = await escalateFromNoMatch();
    const posted = h.api.callsOf("chat.postMessage").slice(posts);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.body.thread_ts).toBe(ts);
    expect(JSON.stringify(posted[0]?.body.blocks)).toContain("What is wrong?");
    expect(await h.server.store.listEscalations()).toEqual([]);
  });

  it("Escalate… on a matched playbook still files at once, with no modal", async () => {
    const opened = interceptViewsOpen();
    const { envelope } = h.mention("fault 303-RSC");
    await h.event(envelope);
    await h.press(h.messagesIn("COPS00001").at(-1), "Escalate…");
    expect(opened).toEqual([]);
    expect((await h.server.store.listEscalations())[0]?.playbook).toBe("relay-stuck-closed");
  });
});
