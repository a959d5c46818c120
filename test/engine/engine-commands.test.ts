import { afterEach, describe, expect, it } from "vitest";
import { buttonsOf, Harness, sue, textOf } from "./engine-harness.ts";

let h: Harness;
afterEach(() => h?.close());

describe("the /cp words through the engine", () => {
  it("help, list and list diagnose", async () => {
    h = new Harness();
    const help = await h.cp("help");
    expect(help.cards[0]?.kind).toBe("help");
    for (const usage of ["/cp fault <code>", "/cp open <playbook-id>", "/cp escalate [note]", "/cp stats", "/cp msg"]) {
      expect(textOf(help.cards[0])).toContain(usage);
    }
    const list = await h.cp("list");
    expect(list.cards[0]?.title).toMatch(/^Playbooks \(\d+\)$/);
    const diagnose = await h.cp("list diagnose");
    expect(textOf(diagnose.cards[0])).toContain("relay-stuck-closed");
    expect(textOf(diagnose.cards[0])).not.toContain("station-messages");
  });

  it("open shows the overview; share makes an answer visible to the channel", async () => {
    h = new Harness();
    const open = await h.cp("open relay-stuck-closed");
    expect(open.cards[0]?.title).toBe("Relay Stuck Closed (303-RSC)");
    expect(open.visibility).toBe("ephemeral");
    const shared = await h.cp("share fault 303-RSC");
    expect(shared.visibility).toBe("in_channel");
    expect(shared.cards[0]?.kind).toBe("overview");
  });

  it("tool words run the tool; a line the tool cannot read that is clearly a question is answered as one", async () => {
    h = new Harness();
    const msg = await h.cp("msg Closed today | Back at 8am");
    expect(msg.cards[0]?.title).toBe("Station message: input looks good");
    const rsrp = await h.cp("rsrp -72 dBm");
    expect(rsrp.cards[0]?.kind).toBe("tool-result");
    const question = await h.cp("station screen says access denied");
    expect(question.cards[0]?.kind).toBe("overview");
    expect(question.cards[0]?.title).toContain("Access Denied");
  });

  it("an ambiguous question offers did-you-mean; picking one opens it as the thread's topic", async () => {
    h = new Harness();
    const asked = await h.say("driver cannot charge");
    expect(asked.cards[0]?.kind).toBe("did-you-mean");
    const labels = buttonsOf(asked.cards[0]).map((b) => b.label);
    expect(labels.slice(-2)).toEqual(["None of these", "Escalate…"]);
    const picked = await h.press(asked.cards[0], labels[0] ?? "");
    expect(picked.cards[0]?.kind).toBe("overview");
    const none = await h.press(asked.cards[0], "None of these");
    expect(none.cards[0]?.kind).toBe("no-match");
    expect((await h.store.listEvents({ types: ["abstain"] })).map((e) => e.text)).toEqual(["driver cannot charge"]);
  });

  it("Not this one? on a confident answer offers the next best playbooks and records the rejection for authors", async () => {
    h = new Harness();
    const asked = await h.say("relay stuck closed on port 1");
    expect(asked.cards[0]?.kind).toBe("overview");
    const other = await h.press(asked.cards[0], "Not this one?");
    expect(other.cards[0]?.kind).toBe("no-match");
    const labels = buttonsOf(other.cards[0]).map((b) => b.label);
    // Other playbooks as buttons (not the rejected one), then the whole list and a person.
    expect(labels).toHaveLength(5);
    expect(labels).not.toContain("Relay Stuck Closed (303-RSC)");
    expect(labels.slice(-2)).toEqual(["Browse all", "Escalate…"]);
    const opened = await h.press(other.cards[0], labels[0] ?? "");
    expect(opened.cards[0]?.kind).toBe("overview");
    const all = await h.press(other.cards[0], "Browse all");
    expect(all.cards[0]?.kind).toBe("list");
    expect(textOf(all.cards[0])).toContain("Waitlist");
    const rejected = await h.store.listEvents({ types: ["abstain"] });
    expect(rejected.map((e) => e.text)).toEqual(["relay stuck closed on port 1"]);
    expect(rejected[0]?.data).toMatchObject({ via: "not-this-one", rejected: "relay-stuck-closed" });
  });

  it("a no-match question is escalated from its card after saying what is wrong, with that as the subject", async () => {
    h = new Harness();
    const asked = await h.say("what's the weather");
    expect(asked.cards[0]?.kind).toBe("no-match");
    const form = await h.press(asked.cards[0], "Escalate…");
    expect(form.cards[0]?.kind).toBe("escalate-form");
    // The question asked is offered as the starting text; nothing is filed before Submit.
    expect(form.cards[0]?.blocks.find((b) => b.type === "input")).toMatchObject({ initial: "what's the weather" });
    expect(h.transport.posts).toEqual([]);
    const escalated = await h.press(form.cards[0], "Submit", { inputs: { problem: "what's the weather" } });
    expect(escalated.cards[0]?.title).toBe("Escalated to Support: ESC-0001");
    expect(textOf(h.transport.posts[0]?.card)).toContain("Unmatched question");
    expect(textOf(h.transport.posts[0]?.card)).toContain("what's the weather");
  });

  it("evidence given as `id: value` goes into the handoff, and after escalation straight to Support", async () => {
    h = new Harness();
    await h.cp("fault 303-RSC");
    const noted = await h.say("station-id: CPF-6 / 0024:B100:0003:9296");
    expect(noted.cards[0]?.title).toBe("Noted: Station name, MAC address or serial number");
    await h.cp("escalate");
    const handoff = h.transport.posts[0];
    expect(textOf(handoff?.card)).toContain("✅ Station name, MAC address or serial number");
    const later = await h.say("alarm-history: two RSC alarms in March");
    expect(textOf(later.cards[0])).toContain("Sent to Support on ESC-0001");
    const relayed = h.transport.posts.at(-1);
    expect(relayed?.to).toEqual({
      platform: "slack",
      channelId: "C-SUPPORT",
      threadId: handoff?.messageId,
      permalink: expect.any(String),
    });
    expect(textOf(relayed?.card)).toContain("two RSC alarms in March");
  });

  it("escalations lists the open ones with playbook, requester, status, age and note; stats counts for authors", async () => {
    h = new Harness();
    await h.say("relay stuck closed", { thread: "A" });
    await h.cp("escalate relay welded", { thread: "A" });
    await h.say("what's the weather", { thread: "B" });
    h.advance(90);
    const list = await h.cp("escalations");
    const text = textOf(list.cards[0]);
    for (const cell of ["ESC-0001", "Relay Stuck Closed (303-RSC)", "Ann", "Open", "1 h 30 min", "relay welded"]) {
      expect(text).toContain(cell);
    }
    const handoff = h.transport.posts[0];
    await h.press(handoff?.card, "Resolve", { user: sue, conversation: { platform: "slack", channelId: "C-SUPPORT" } });
    expect(textOf((await h.cp("escalations")).cards[0])).toContain("Escalations (0)");

    const stats = await h.cp("stats");
    expect(stats.cards[0]?.kind).toBe("stats");
    const s = textOf(stats.cards[0]);
    expect(s).toContain("Relay Stuck Closed (303-RSC)");
    expect(s).toContain("what's the weather");
    expect(textOf((await h.cp("stats since 2030-01-01")).cards[0])).toContain("No questions yet");
  });
});
