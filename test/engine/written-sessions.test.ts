import { afterEach, describe, expect, it, vi } from "vitest";
import { SessionStateSchema } from "../../src/engine/session-state.ts";
import { WrittenSessions } from "../../src/engine/written-sessions.ts";
import { Harness } from "./engine-harness.ts";

let h: Harness | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.close();
  h = undefined;
});

const key = "slack:C-OPS:T1";

async function stored(harness: Harness) {
  const record = await harness.store.getSession(key);
  if (!record) throw new Error("no session stored");
  return record as typeof record & { state: { seq: number; question?: { id: string; text: string } } };
}

describe("a session read back as this engine wrote it", () => {
  it("is used without the schema parse, and the thread goes on from it", async () => {
    h = new Harness();
    await h.cp("fault 303-RSC");
    const parse = vi.spyOn(SessionStateSchema, "safeParse");
    const reply = await h.cp("fault 303-RSC");
    expect(reply.cards[0]?.title).toContain("303-RSC");
    expect(parse).not.toHaveBeenCalled();
    const after = await stored(h);
    expect(after.state.seq).toBe(2);
    expect(after.state.question?.id).toMatch(/^q2-/);
    expect(after.revision).toBe(2);
  });

  it("is parsed again after a restart: what another process wrote is not trusted", async () => {
    h = new Harness();
    await h.cp("fault 303-RSC");
    await h.restart();
    const parse = vi.spyOn(SessionStateSchema, "safeParse");
    await h.cp("fault 303-RSC");
    expect(parse).toHaveBeenCalledTimes(1);
    expect((await stored(h)).state.seq).toBe(2);
  });
});

describe("a session changed by someone else since this engine wrote it", () => {
  it("is parsed: a document the schema refuses starts a clean session, as before", async () => {
    h = new Harness();
    await h.cp("fault 303-RSC");
    const before = await stored(h);
    // The same document with one value no build of cpbot writes (seq only grows from 0).
    await h.store.saveSession(key, { ...before.state, seq: -7 }, before.revision, h.now.toISOString());
    const parse = vi.spyOn(SessionStateSchema, "safeParse");
    await h.cp("fault 303-RSC");
    expect(parse).toHaveBeenCalledTimes(1);
    const after = await stored(h);
    expect(after.state.seq).toBe(1);
    expect(after.state.question?.id).toMatch(/^q1-/);
  });

  it("is parsed and read as the other writer left it", async () => {
    h = new Harness();
    await h.cp("fault 303-RSC");
    const before = await stored(h);
    await h.store.saveSession(key, { ...before.state, seq: 41 }, before.revision, h.now.toISOString());
    const parse = vi.spyOn(SessionStateSchema, "safeParse");
    await h.cp("fault 303-RSC");
    expect(parse).toHaveBeenCalledTimes(1);
    expect((await stored(h)).state.question?.id).toMatch(/^q42-/);
  });

  it("is parsed when another replica answered in the thread in between", async () => {
    h = new Harness();
    const other = h.replica();
    try {
      await h.cp("fault 303-RSC");
      await other.engine.handle({
        kind: "command",
        text: "fault 303-RSC",
        eventId: "E-replica",
        conversation: h.conversation(),
        user: { id: "U-ANN", name: "Ann" },
      });
      const parse = vi.spyOn(SessionStateSchema, "safeParse");
      await h.cp("fault 303-RSC");
      expect(parse).toHaveBeenCalledTimes(1);
      expect((await stored(h)).state.seq).toBe(3);
    } finally {
      await other.store.close();
    }
  });
});

describe("a slash command's private session", () => {
  const privately = { platform: "slack" as const, channelId: "C-OPS", privateTo: "U-ANN" };
  const command = (text: string, eventId: string) => ({
    kind: "command" as const,
    text,
    eventId,
    conversation: privately,
    user: { id: "U-ANN", name: "Ann" },
  });

  for (const restart of [false, true]) {
    it(`stays private on later turns, read ${restart ? "after a restart (parsed)" : "as written"}: the escalation's origin keeps its owner`, async () => {
      h = new Harness();
      await h.send(command("fault 303-RSC", "E-p1"));
      if (restart) await h.restart();
      await h.send(command("escalate the relay is welded", "E-p2"));
      const [escalation] = await h.store.listEscalations();
      expect(escalation?.origin).toMatchObject({ channelId: "C-OPS", privateTo: "U-ANN" });
      expect(escalation?.sessionKey).toBe("slack:C-OPS:-:@U-ANN");
    });
  }
});

describe("WrittenSessions", () => {
  it("keeps the last text per key and forgets the least recently written past its limit", () => {
    const written = new WrittenSessions(2);
    written.remember("a", "1");
    written.remember("b", "2");
    written.remember("a", "3");
    written.remember("c", "4");
    expect(written.wrote("a", "1")).toBe(false);
    expect(written.wrote("a", "3")).toBe(true);
    expect(written.wrote("b", "2")).toBe(false);
    expect(written.wrote("c", "4")).toBe(true);
  });
});
