import { afterEach, describe, expect, it } from "vitest";
import type { SessionState } from "../../src/engine/session-state.ts";
import { escPattern } from "../escalation-id.ts";
import { ann, bob, Harness, textOf } from "./engine-harness.ts";

let h: Harness;
afterEach(() => h?.close());

const state = async (thread: string) =>
  (await h.store.getSession(`slack:C-OPS:${thread}`))?.state as SessionState | undefined;

describe("threads and people", () => {
  it("two threads at once never share state", async () => {
    h = new Harness();
    const [r1, r2] = await Promise.all([
      h.say("relay stuck closed", { thread: "T1" }),
      h.say("station screen says access denied", { thread: "T2" }),
    ]);
    const [s1] = await Promise.all([
      h.press(r1.cards[0], "Start walkthrough", { thread: "T1" }),
      h.press(r2.cards[0], "Start walkthrough", { thread: "T2" }),
    ]);
    await h.press(s1.cards[0], "Done", { thread: "T1" });
    expect((await state("T1"))?.walkthrough?.playbook).toBe("relay-stuck-closed");
    expect((await state("T2"))?.walkthrough?.playbook).toBe((await state("T2"))?.question?.playbook);
    expect((await state("T2"))?.walkthrough?.playbook).not.toBe("relay-stuck-closed");
    expect(Object.keys((await state("T1"))?.walkthrough?.steps ?? {})).toEqual(["log-in"]);
    expect((await state("T2"))?.walkthrough?.steps).toEqual({});

    // A button from thread 1's card pressed in thread 2 does not touch either walkthrough.
    const crossed = await h.press(s1.cards[0], "Done", { thread: "T2" });
    expect(crossed.cards[0]?.title).toBe("That walkthrough is over");
    expect((await state("T2"))?.walkthrough?.steps).toEqual({});

    // Escalating one thread escalates only its own walkthrough.
    await h.cp("escalate", { thread: "T2" });
    const [esc] = await h.store.listEscalations();
    expect(esc?.sessionKey).toBe("slack:C-OPS:T2");
    expect(esc?.playbook).toBe((await state("T2"))?.walkthrough?.playbook);
    const again = await h.cp("escalate", { thread: "T1" });
    expect(again.cards[0]?.title).toMatch(escPattern("Escalated to Support: ESC-0002", true));
  });

  it("two people in one thread share the walkthrough, and each move is recorded as theirs", async () => {
    h = new Harness();
    const asked = await h.say("relay stuck closed", { user: ann });
    const step1 = await h.press(asked.cards[0], "Start walkthrough", { user: ann });
    const step2 = await h.press(step1.cards[0], "Done", { user: bob });
    await h.press(step2.cards[0], "Skip", { user: ann });
    const w = (await state("T1"))?.walkthrough;
    expect(w?.startedBy).toEqual(ann);
    expect(w?.steps["log-in"]?.by).toEqual(bob);
    expect(w?.steps["open-stations"]?.by).toEqual(ann);
    expect(w?.log.map((e) => [e.action, e.by.id])).toEqual([
      ["start", ann.id],
      ["done", bob.id],
      ["skip", ann.id],
    ]);
  });

  it("a plain message continues the walkthrough: it is taken as the step's input, and done/back/skip move", async () => {
    h = new Harness();
    const asked = await h.say("relay stuck closed");
    await h.press(asked.cards[0], "Start walkthrough");
    for (let i = 0; i < 5; i++) await h.say("done");
    expect((await state("T1"))?.walkthrough?.cursor?.step).toBe("pull-status");
    const bad = await h.say("no idea what to paste here");
    expect(bad.cards[0]?.kind).toBe("step");
    expect((await state("T1"))?.walkthrough?.inputs).toEqual({});
    const good = await h.say(
      "1,J1772,FwRev=32,SSM1Rev=40,SSM2Rev=40,,ENABLE,AVAILABLE,NO_VEHICLE,IDLE,0,NONE,8,NONE,0xA1,NA",
    );
    expect(textOf(good.cards[0])).toContain("Get Latest Status");
    expect((await state("T1"))?.walkthrough?.inputs["pull-status"]?.verdict).toBeDefined();
    expect((await state("T1"))?.walkthrough?.evidence["latest-status"]).toBeDefined();
    await h.say("back");
    expect((await state("T1"))?.walkthrough?.cursor?.step).toBe("view-alarms");
  });

  it("a new question in the thread starts a new match; the walkthrough stays where it was", async () => {
    h = new Harness();
    const asked = await h.say("relay stuck closed");
    await h.press(asked.cards[0], "Start walkthrough");
    const other = await h.say("station screen says access denied");
    expect(other.cards[0]?.kind).toBe("overview");
    expect(other.cards[0]?.title).not.toContain("Relay");
    expect((await state("T1"))?.walkthrough?.playbook).toBe("relay-stuck-closed");
    expect((await state("T1"))?.question?.text).toBe("station screen says access denied");
  });
});
