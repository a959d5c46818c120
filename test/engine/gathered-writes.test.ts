import { afterEach, describe, expect, it } from "vitest";
import type { BotEvent } from "../../src/core/bot-event.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { createEngine, type Engine } from "../../src/engine/create-engine.ts";
import { GatheredWrites } from "../../src/engine/gathered-writes.ts";
import type { HandleOptions } from "../../src/engine/queue-reply.ts";
import { createMatcher } from "../../src/matcher/create-matcher.ts";
import { Harness, registry } from "./engine-harness.ts";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("GatheredWrites", () => {
  it("starts the writes of one window together when it ends, in order, each settling on its own", async () => {
    const gathered = new GatheredWrites(30);
    const started: string[] = [];
    const write = (name: string, outcome: "ok" | "reject" | "throw") => () => {
      started.push(name);
      if (outcome === "throw") throw new Error(`${name} threw`);
      return outcome === "ok" ? Promise.resolve(name) : Promise.reject(new Error(`${name} failed`));
    };
    const a = gathered.add(write("a", "ok"));
    const b = gathered.add(write("b", "reject"));
    const c = gathered.add(write("c", "throw"));
    const d = gathered.add(write("d", "ok"));
    await pause(10);
    expect(started).toEqual([]);
    const results = await Promise.allSettled([a, b, c, d]);
    expect(started).toEqual(["a", "b", "c", "d"]);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual([
      "a",
      "b failed",
      "c threw",
      "d",
    ]);
    // The next write opens a window of its own.
    const e = gathered.add(write("e", "ok"));
    await pause(5);
    expect(started).toHaveLength(4);
    await expect(e).resolves.toBe("e");
  });

  it("with a window of 0 each write starts at once; flush starts the gathered ones early", async () => {
    const started: string[] = [];
    const now = new GatheredWrites(0);
    const done = now.add(async () => {
      started.push("now");
      return 1;
    });
    expect(started).toEqual(["now"]);
    await done;
    const held = new GatheredWrites(60_000);
    const waiting = held.add(async () => {
      started.push("held");
      return 2;
    });
    expect(started).toEqual(["now"]);
    held.flush();
    await expect(waiting).resolves.toBe(2);
  });
});

describe("an answered turn's writes, gathered (deferWrites)", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });
  const matcher = createMatcher(registry.all());
  const options: HandleOptions = {
    replyTo: { kind: "respond", responseUrl: "https://hooks.example/r/1" },
    deferWrites: true,
  };
  const lease = { lease: () => ({ by: "replica-a", until: "2099-01-01T00:00:00.000Z" }) };
  const engineOf = (harness: Harness, writeGatherMs: number): Engine =>
    createEngine({
      logger: silentLogger,
      registry,
      matcher,
      store: harness.store,
      transport: harness.transport,
      config: harness.config,
      clock: () => harness.now,
      outbox: lease,
      writeGatherMs,
    });
  const command = (user: string, n: number, text = "fault 303-RSC"): BotEvent => ({
    kind: "command",
    eventId: `gather-${user}-${n}`,
    text,
    user: { id: user },
    conversation: { platform: "slack", channelId: "C-OPS", privateTo: user },
  });

  it("two people's answered turns are written together once the window ends, each with its own rows", async () => {
    h = new Harness();
    const engine = engineOf(h, 40);
    const ann = await engine.handle(command("U-ANN", 1), options);
    const bob = await engine.handle(command("U-BOB", 1), options);
    const writes = [ann.settle?.(true), bob.settle?.(true)];
    await pause(15);
    // Answered, not yet written: the window is still open.
    expect(await h.store.getSession("slack:C-OPS:-:@U-ANN")).toBeUndefined();
    expect(await h.store.listEvents()).toEqual([]);
    await Promise.all(writes);
    expect(await h.store.getSession("slack:C-OPS:-:@U-ANN")).toBeDefined();
    expect(await h.store.getSession("slack:C-OPS:-:@U-BOB")).toBeDefined();
    const events = await h.store.listEvents();
    expect(events.filter((e) => e.user === "U-ANN").map((e) => e.type)).toEqual(["question", "match"]);
    expect(events.filter((e) => e.user === "U-BOB").map((e) => e.type)).toEqual(["question", "match"]);
    expect(await h.store.countDeliveries()).toEqual({ pending: 0, delivered: 0, dead: 0 });
  });

  it("an answer that did not go out is queued at once, not after the window", async () => {
    h = new Harness();
    const engine = engineOf(h, 60_000);
    const reply = await engine.handle(command("U-ANN", 2), options);
    const delivery = await reply.settle?.(false);
    expect(delivery?.id).toEqual(expect.any(String));
    expect(await h.store.countDeliveries()).toEqual({ pending: 1, delivered: 0, dead: 0 });
  });

  it("the person's next turn waits for the gathered write, then reads the session it left", async () => {
    h = new Harness();
    const engine = engineOf(h, 30);
    const first = await engine.handle(command("U-ANN", 3), options);
    void first.settle?.(true);
    const second = await engine.handle(command("U-ANN", 4, "escalate"), options);
    await second.settle?.(true);
    expect(second.cards[0]?.title).toMatch(/Escalated to Support/);
  });
});
