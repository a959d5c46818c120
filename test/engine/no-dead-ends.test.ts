import { afterEach, describe, expect, it } from "vitest";
import type { Card } from "../../src/cards/card-schema.ts";
import { buttonsOf, Harness, textOf } from "./engine-harness.ts";

let h: Harness;
afterEach(() => h?.close());

const labelsOf = (card: Card | undefined) => buttonsOf(card).map((b) => b.label);
const inputOf = (card: Card | undefined) => card?.blocks.find((b) => b.type === "input");

describe("no dead ends", () => {
  it("every first answer keeps an Escalate… button: match, did-you-mean, no-match, out of scope, typo", async () => {
    h = new Harness();
    const answers = await Promise.all([
      h.say("relay stuck closed on port 1", { thread: "match" }),
      h.say("driver cannot charge", { thread: "ambiguous" }),
      h.say("the coffee machine is broken", { thread: "nothing" }),
      h.say("how do I pay my electricity bill", { thread: "far" }),
      h.cp("escalatoins", { thread: "typo" }),
    ]);
    expect(answers.map((a) => a.cards[0]?.kind)).toEqual([
      "overview",
      "did-you-mean",
      "no-match",
      expect.stringMatching(/^(no-match|did-you-mean)$/),
      "did-you-mean",
    ]);
    for (const a of answers) expect(labelsOf(a.cards[0])).toContain("Escalate…");
  });

  it("the no-match card offers the closest playbooks and Browse all, never a lone Escalate", async () => {
    h = new Harness();
    const [card] = (await h.say("the screen on my charger is broken and cracked")).cards;
    if (card?.kind !== "no-match") throw new Error(`expected no-match, got ${card?.kind}`);
    const labels = labelsOf(card);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    expect(labels.slice(-2)).toEqual(["Browse all", "Escalate…"]);
    expect(buttonsOf(card).filter((b) => b.style === "primary")).toEqual([]);
    const opened = await h.press(card, labels[0] ?? "");
    expect(opened.cards[0]?.kind).toBe("overview");
  });

  it("Escalate… on a no-match answer asks what is wrong, refuses 'ok', and files the real question at once", async () => {
    h = new Harness();
    const [noMatch] = (await h.say("the coffee machine is broken")).cards;
    expect(noMatch?.kind).toBe("no-match");
    const [form] = (await h.press(noMatch, "Escalate…")).cards;
    expect(form?.kind).toBe("escalate-form");
    // The question asked is offered as the starting text.
    expect(inputOf(form)).toMatchObject({ initial: "the coffee machine is broken" });
    expect(labelsOf(form)).toEqual(["Submit"]);

    const refused = await h.press(form, "Submit", { inputs: { problem: "ok" } });
    expect(refused.mode).toBe("replace");
    expect(inputOf(refused.cards[0])).toMatchObject({ error: expect.stringContaining("Say what is wrong") });
    expect(await h.store.listEscalations()).toEqual([]);

    const filed = await h.press(refused.cards[0], "Submit", {
      inputs: { problem: "Station CPF-6 shows Faulted after the reboot" },
    });
    expect(filed.cards[0]?.title).toBe("Escalated to Support: ESC-0001");
    expect(JSON.stringify((await h.store.listEscalations())[0]?.handoff)).toContain(
      "Station CPF-6 shows Faulted after the reboot",
    );
    expect(textOf(h.transport.posts[0]?.card)).toContain("Station CPF-6 shows Faulted after the reboot");
  });

  it("Escalate… on a matched playbook files at once with the playbook", async () => {
    h = new Harness();
    const [overview] = (await h.cp("fault 303-RSC")).cards;
    const filed = await h.press(overview, "Escalate…");
    expect(filed.cards[0]?.title).toBe("Escalated to Support: ESC-0001");
    expect((await h.store.listEscalations())[0]?.playbook).toBe("relay-stuck-closed");
  });

  it("escalate <note> files at once; escalate alone or with 'ok' in an empty thread asks first", async () => {
    h = new Harness();
    const bare = await h.cp("escalate", { thread: "empty" });
    expect(bare.cards[0]?.kind).toBe("escalate-form");
    const ok = await h.cp("escalate ok", { thread: "ok" });
    expect(ok.cards[0]?.kind).toBe("escalate-form");
    expect(await h.store.listEscalations()).toEqual([]);
    const noted = await h.cp("escalate charger display is blank", { thread: "note" });
    expect(noted.cards[0]?.title).toBe("Escalated to Support: ESC-0001");
  });

  it("the Escalate button after 'thanks' in a thread asks what is wrong instead of filing 'thanks'", async () => {
    h = new Harness();
    await h.say("thanks");
    const reply = await h.send({
      kind: "action",
      action: "escalate",
      eventId: "old-escalate-button",
      conversation: h.conversation(),
      user: { id: "U-ANN", name: "Ann" },
    });
    expect(reply.cards[0]?.kind).toBe("escalate-form");
    expect(await h.store.listEscalations()).toEqual([]);
  });

  it("a mistyped /cp word gets a plain did-you-mean whose buttons run it, read it as a question or help", async () => {
    h = new Harness();
    const [card] = (await h.cp("escalatoins")).cards;
    expect(card?.kind).toBe("did-you-mean");
    expect(card?.title).toBe("Did you mean “escalations”?");
    expect(textOf(card)).not.toMatch(/Something went wrong|unknown_command|Error code/);
    expect(labelsOf(card)).toEqual(["escalations", "Read it as a question", "Help", "Escalate…"]);
    const queue = await h.press(card, "escalations");
    expect(queue.cards[0]?.kind).toBe("escalations");
    const help = await h.press(card, "Help");
    expect(help.cards[0]?.kind).toBe("help");

    const [list] = (await h.cp("lsit configure", { thread: "T2" })).cards;
    expect(labelsOf(list)[0]).toBe("list configure");
    const listed = await h.press(list, "list configure", { thread: "T2" });
    expect(listed.cards[0]?.kind).toBe("list");
    expect(textOf(listed.cards[0])).toContain("Enable Just Charge");
    expect(textOf(listed.cards[0])).not.toContain("Waitlist");
    // Read as a question after all: the matcher's answer, recorded like any question.
    const asQuestion = await h.press(list, "Read it as a question", { thread: "T2" });
    expect(["did-you-mean", "no-match"]).toContain(asQuestion.cards[0]?.kind);
    expect((await h.store.listEvents({ types: ["question"] })).map((e) => e.text)).toContain("lsit configure");
  });
});
