import { afterEach, describe, expect, it } from "vitest";
import { decodeActionPayload } from "../../src/cards/card-actions.ts";
import { escId, escPattern } from "../escalation-id.ts";
import { buttonsOf, Harness, sue, textOf } from "./engine-harness.ts";

const harnesses: Harness[] = [];
afterEach(() => {
  for (const h of harnesses.splice(0)) h.close();
});

function harness(): Harness {
  const h = new Harness();
  harnesses.push(h);
  return h;
}

async function escalate(h: Harness) {
  await h.say("the relay is stuck closed on port 2");
  await h.cp("escalate it keeps coming back");
  const handoff = h.transport.postsOf("escalation").at(-1);
  if (!handoff) throw new Error("no handoff posted");
  return handoff;
}

const support = { platform: "slack" as const, channelId: "C-SUPPORT" };

describe("escalation references on buttons", () => {
  it("buttons carry an unguessable reference, not only the counter", async () => {
    const h = harness();
    const handoff = await escalate(h);
    const values = buttonsOf(handoff.card).map((b) => decodeActionPayload(b.value));
    expect(
      values.every((v) => escPattern("ESC-0001", true).test(v.escalation ?? "") && (v.ref?.length ?? 0) >= 16),
    ).toBe(true);
    const other = harness();
    const second = await escalate(other);
    expect(decodeActionPayload(buttonsOf(second.card)[0]?.value).ref).not.toBe(values[0]?.ref);
  });

  it("a press naming only the id (guessed or forged) is refused and changes nothing", async () => {
    const h = harness();
    await escalate(h);
    const forged = await h.send({
      kind: "action",
      action: "esc.resolve",
      value: JSON.stringify({ escalation: "ESC-0001" }),
      eventId: "forged-1",
      conversation: support,
      user: sue,
    });
    expect(textOf(forged.cards[0])).toContain("This button does not match any escalation here (ESC-0001");
    expect((await h.store.getEscalation(await escId(h.store, 1)))?.status).toBe("open");
  });

  it("an old handoff button pressed against a fresh database does not act on that database's ESC-0001", async () => {
    const before = harness();
    const oldHandoff = await escalate(before);
    // The database was replaced: a new, empty file numbers from 1 again, under a prefix of its own.
    const after = harness();
    await escalate(after);
    expect(await escId(after.store, 1)).not.toBe(await escId(before.store, 1));
    const pressed = await after.press(oldHandoff.card, "Resolve", { user: sue, conversation: support });
    expect(pressed.cards[0]?.kind).toBe("error");
    expect((await after.store.getEscalation(await escId(after.store, 1)))?.status).toBe("open");
    // The current card's own button still works.
    const current = after.transport.postsOf("escalation").at(-1);
    await after.press(current?.card, "Resolve", { user: sue, conversation: support });
    expect((await after.store.getEscalation(await escId(after.store, 1)))?.status).toBe("resolved");
  });
});
