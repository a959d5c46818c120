import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/core/logger.ts";
import { createEngine } from "../../src/engine/create-engine.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import { FakeTransport } from "../fakes/fake-transport.ts";
import { ann, Harness, registry, textOf } from "./engine-harness.ts";

let h: Harness;
afterEach(() => h?.close());

async function errorOf(text: string, thread = "T-err") {
  const reply = await h.cp(text, { thread });
  expect(reply.cards).toHaveLength(1);
  expect(reply.cards[0]?.kind).toBe("error");
  return textOf(reply.cards[0]);
}

describe("every /cp error path answers with what is wrong and what is accepted", () => {
  it("unknown fault code", async () => {
    h = new Harness();
    const text = await errorOf("fault 999-ZZ");
    expect(text).toContain('Unknown fault code \\"999-ZZ\\". Known codes:');
    expect(text).toContain("303-RSC");
  });

  it("unknown playbook id", async () => {
    h = new Harness();
    const text = await errorOf("open relay-stuck");
    expect(text).toContain('Unknown playbook id \\"relay-stuck\\".');
    expect(text).toContain("relay-stuck-closed");
  });

  it("missing argument", async () => {
    h = new Harness();
    expect(await errorOf("fault")).toContain('\\"fault\\" needs an argument');
    expect(await errorOf("open")).toContain('\\"open\\" needs an argument');
    expect(await errorOf("rsrp")).toContain('\\"rsrp\\" needs an argument. Usage: rsrp <dBm>');
    expect(await errorOf("share")).toContain('\\"share\\" needs an argument');
  });

  it("arguments a subcommand does not take", async () => {
    h = new Harness();
    expect(await errorOf("stats last week")).toContain("stats since YYYY-MM-DD");
    expect(await errorOf("list all")).toContain("list configure or list diagnose");
  });

  it("a button the engine does not know, and an escalation id that does not exist", async () => {
    h = new Harness();
    const odd = await h.send({
      kind: "action",
      action: "frobnicate",
      eventId: "A1",
      conversation: h.conversation(),
      user: ann,
    });
    expect(textOf(odd.cards[0])).toContain("is not one cpbot handles");
    const missing = await h.send({
      kind: "action",
      action: "esc.claim",
      value: JSON.stringify({ escalation: "ESC-0404" }),
      eventId: "A2",
      conversation: h.conversation(),
      user: ann,
    });
    expect(textOf(missing.cards[0])).toContain("This button does not match any escalation here (ESC-0404");
  });

  it("a refused event retried by the platform is not answered twice", async () => {
    h = new Harness();
    await h.cp("fault 999-ZZ", { eventId: "dup" });
    expect((await h.cp("fault 999-ZZ", { eventId: "dup" })).duplicate).toBe(true);
  });

  it("a one-word question near a subcommand is still answered when the matcher knows it", async () => {
    h = new Harness();
    const reply = await h.cp("relay");
    expect(reply.cards[0]?.kind).not.toBe("error");
  });
});

describe("an unexpected failure", () => {
  it("becomes an error card without a stack trace, logged once, and saves nothing", async () => {
    const lines: string[] = [];
    const store = openSqliteStore(":memory:");
    const engine = createEngine({
      registry,
      matcher: {
        match() {
          throw new Error("boom at the matcher\n    at match (/src/matcher.ts:1:1)");
        },
      },
      store,
      transport: new FakeTransport(),
      config: { lowConfidence: 0.6 },
      clock: () => new Date("2025-03-04T09:00:00Z"),
      logger: createLogger({ level: "error", write: (l) => lines.push(l) }),
    });
    const reply = await engine.handle({
      kind: "message",
      text: "relay stuck closed",
      eventId: "X1",
      conversation: { platform: "teams", channelId: "19:abc@thread.tacv2" },
      user: ann,
    });
    expect(reply.cards[0]?.kind).toBe("error");
    const text = JSON.stringify(reply.cards);
    expect(text).toContain("Something went wrong on my side");
    expect(text).not.toContain("boom");
    expect(text).not.toContain("matcher.ts");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("boom at the matcher");
    expect(await store.getSession("teams:19:abc@thread.tacv2:-")).toBeUndefined();
    expect(await store.listEvents()).toEqual([]);
    await store.close();
  });
});
