import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import type { Platform } from "../../src/core/bot-event.ts";
import { createLogger } from "../../src/core/logger.ts";
import type { EngineReply } from "../../src/core/transport.ts";
import { DeliveryError } from "../../src/delivery/delivery-error.ts";
import { type Deliverer, OutboxDispatcher, type OutboxSettings } from "../../src/delivery/outbox-dispatcher.ts";
import { openPgStore } from "../../src/store/pg-store.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import type { Store } from "../../src/store/store.ts";
import { createTestDatabase } from "../pg/test-database.ts";

const server = inject("pgUrl");

/** A platform that records what it received and fails the way it is told to, message by message. */
class ScriptedPlatform implements Deliverer {
  received: string[] = [];
  /** Failures to throw, in order, before accepting messages again; each names the message it fails at. */
  faults: { at?: number; error: () => unknown }[] = [];

  async deliver(_target: unknown, reply: EngineReply, from: number): Promise<void> {
    for (const [i, card] of reply.cards.entries()) {
      if (i < from) continue;
      const fault = this.faults[0];
      if (fault && (fault.at === undefined || fault.at === i)) {
        this.faults.shift();
        throw new DeliveryError("scripted failure", { done: i, ...(fault.error() as object) });
      }
      this.received.push(card.title ?? "");
    }
  }
}

const reply = (...titles: string[]): EngineReply => ({
  cards: titles.map((title) => ({ kind: "info", title, blocks: [] }) as unknown as EngineReply["cards"][number]),
  mode: "new",
  visibility: "in_channel",
});

function engines(): [
  string,
  () => Promise<{ store: Store; reopen: () => Promise<Store>; drop: () => Promise<void> }>,
][] {
  const list: [string, () => Promise<{ store: Store; reopen: () => Promise<Store>; drop: () => Promise<void> }>][] = [
    [
      "sqlite",
      async () => {
        const { mkdtempSync } = await import("node:fs");
        const { join } = await import("node:path");
        const { tmpdir } = await import("node:os");
        const file = join(mkdtempSync(join(tmpdir(), "cpbot-outbox-")), "cpbot.db");
        return { store: openSqliteStore(file), reopen: async () => openSqliteStore(file), drop: async () => {} };
      },
    ],
  ];
  if (server) {
    list.push([
      "postgres",
      async () => {
        const db = await createTestDatabase(server);
        return { store: await openPgStore(db.url), reopen: () => openPgStore(db.url), drop: db.drop };
      },
    ]);
  }
  return list;
}

describe.each(engines())("outbox dispatcher on %s", (_name, open) => {
  let store: Store;
  let reopen: () => Promise<Store>;
  let drop: () => Promise<void>;
  let now: number;
  const others: Store[] = [];
  const logs: string[] = [];
  const counted = { delivered: 0, retried: 0, dead: 0 };

  beforeEach(async () => {
    ({ store, reopen, drop } = await open());
    now = Date.parse("2025-03-04T09:00:00.000Z");
    logs.length = 0;
    Object.assign(counted, { delivered: 0, retried: 0, dead: 0 });
  });
  afterEach(async () => {
    for (const s of [store, ...others.splice(0)]) await s.close();
    await drop();
  });

  function dispatcher(
    platform: ScriptedPlatform,
    owner: string,
    on: Store = store,
    settings: Partial<OutboxSettings> = {},
  ) {
    return new OutboxDispatcher({
      store: on,
      deliverers: { slack: platform } as Partial<Record<Platform, Deliverer>>,
      settings: {
        owner,
        leaseMs: 30_000,
        pollMs: 1_000,
        firstRetryMs: 1_000,
        maxRetryMs: 60_000,
        giveUpAfterMs: 15 * 60_000,
        ...settings,
      },
      clock: () => new Date(now),
      logger: createLogger({ level: "warn", write: (line) => logs.push(line) }),
      counters: {
        delivered: () => counted.delivered++,
        retried: () => counted.retried++,
        dead: () => counted.dead++,
      },
    });
  }

  async function queue(id: string, r: EngineReply, lease?: { by: string; until: string }) {
    return store.enqueueDelivery({
      id,
      platform: "slack",
      target: { kind: "thread", channel: "C1", threadTs: "1.1" },
      reply: r,
      at: new Date(now).toISOString(),
      ...(lease ? { lease } : {}),
    });
  }

  it("delivers a held row at once and marks it delivered; the sweep finds nothing left", async () => {
    const slack = new ScriptedPlatform();
    const outbox = dispatcher(slack, "a");
    const row = await queue("d1", reply("one", "two"), outbox.lease());
    expect(await outbox.deliver(row)).toBe("delivered");
    expect(slack.received).toEqual(["one", "two"]);
    now += 60_000;
    expect(await outbox.sweep()).toBe(0);
    expect(await store.countDeliveries()).toEqual({ pending: 0, delivered: 1, dead: 0 });
    expect(counted.delivered).toBe(1);
  });

  it("marks replies sent by other means (in the ack) delivered together in one write, after a few ms", async () => {
    const outbox = dispatcher(new ScriptedPlatform(), "a", store, { markGatherMs: 20 });
    for (const id of ["c1", "c2", "c3"]) await queue(id, reply("answer"), outbox.lease());
    const writes: string[][] = [];
    const single: string[] = [];
    const many = store.completeDeliveries.bind(store);
    store.completeDeliveries = (ids, by, at) => {
      writes.push([...ids]);
      return many(ids, by, at);
    };
    store.completeDelivery = async (id) => {
      single.push(id);
      return false;
    };
    const marked = Promise.all(["c1", "c2", "c3"].map((id) => outbox.delivered(id)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual([]);
    await marked;
    expect(writes).toEqual([["c1", "c2", "c3"]]);
    expect(single).toEqual([]);
    for (const id of ["c1", "c2", "c3"]) expect(await store.getDelivery(id)).toMatchObject({ status: "delivered" });
    // Past the lease nothing is due: the sweep sends none of them again.
    now += 60_000;
    expect(await outbox.sweep()).toBe(0);
  });

  it("stop() writes the gathered marks at once (graceful shutdown), long before their window ends", async () => {
    const outbox = dispatcher(new ScriptedPlatform(), "a", store, { markGatherMs: 60_000, leaseMs: 600_000 });
    await queue("c1", reply("answer"), outbox.lease());
    void outbox.delivered("c1");
    expect(await store.getDelivery("c1")).toMatchObject({ status: "pending" });
    const started = Date.now();
    await outbox.stop();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await store.getDelivery("c1")).toMatchObject({ status: "delivered" });
  });

  it("a retry is swept when its backoff ends (a wake-up), not at the next poll", async () => {
    const slack = new ScriptedPlatform();
    slack.faults.push({ error: () => ({}) });
    // A poll of a minute: only the wake-up can deliver the retry within the test.
    const outbox = dispatcher(slack, "a", store, { pollMs: 60_000, firstRetryMs: 100, maxRetryMs: 100 });
    outbox.start();
    try {
      await outbox.idle();
      const row = await queue("d1", reply("one"), outbox.lease());
      expect(await outbox.deliver(row)).toBe("retry");
      // The dispatcher's clock reaches the retry time; the real timer it set fires about 100 ms later.
      now += 1_000;
      const deadline = Date.now() + 5_000;
      while (slack.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(slack.received).toEqual(["one"]);
      await outbox.idle();
      expect((await store.getDelivery("d1"))?.status).toBe("delivered");
    } finally {
      await outbox.stop();
    }
  });

  it("a 500 is retried within 5 s; the retry sends only the messages not yet sent", async () => {
    const slack = new ScriptedPlatform();
    slack.faults.push({ at: 1, error: () => ({}) });
    const outbox = dispatcher(slack, "a");
    const row = await queue("d1", reply("one", "two", "three"), outbox.lease());
    expect(await outbox.deliver(row)).toBe("retry");
    expect(slack.received).toEqual(["one"]);
    const stored = await store.getDelivery("d1");
    expect(stored).toMatchObject({ status: "pending", progress: 1 });
    const wait = Date.parse(stored?.nextAttemptAt ?? "") - now;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(5_000);
    expect(await outbox.sweep()).toBe(0); // not due yet
    now += wait;
    expect(await outbox.sweep()).toBe(1);
    expect(slack.received).toEqual(["one", "two", "three"]);
    expect(await store.getDelivery("d1")).toMatchObject({ status: "delivered", attempts: 2 });
    expect(counted).toEqual({ delivered: 1, retried: 1, dead: 0 });
  });

  it("honours a 429's Retry-After: not before it, and then once", async () => {
    const slack = new ScriptedPlatform();
    slack.faults.push({ error: () => ({ retryAfterMs: 15_000 }) });
    const outbox = dispatcher(slack, "a");
    await outbox.deliver(await queue("d1", reply("one"), outbox.lease()));
    now += 14_000;
    expect(await outbox.sweep()).toBe(0);
    expect(slack.received).toEqual([]);
    now += 1_000;
    expect(await outbox.sweep()).toBe(1);
    expect(slack.received).toEqual(["one"]);
  });

  it("gives up after the give-up time with a logged, counted dead letter; a refusal at once", async () => {
    const slack = new ScriptedPlatform();
    for (let i = 0; i < 50; i++) slack.faults.push({ error: () => ({}) });
    const outbox = dispatcher(slack, "a", store, { giveUpAfterMs: 60_000 });
    await outbox.deliver(await queue("d1", reply("one"), outbox.lease()));
    let rounds = 0;
    while ((await store.getDelivery("d1"))?.status === "pending" && rounds++ < 40) {
      now = Date.parse((await store.getDelivery("d1"))?.nextAttemptAt ?? "");
      await outbox.sweep();
    }
    const dead = await store.getDelivery("d1");
    expect(dead?.status).toBe("dead");
    expect(Date.parse(dead?.finishedAt ?? "") - Date.parse(dead?.createdAt ?? "")).toBeLessThanOrEqual(60_000);
    expect(counted.dead).toBe(1);
    expect(logs.some((l) => l.includes("dead letter") && l.includes("d1"))).toBe(true);

    const refusing = new ScriptedPlatform();
    refusing.faults.push({ error: () => ({ permanent: true }) });
    const other = dispatcher(refusing, "a");
    expect(await other.deliver(await queue("d2", reply("two"), other.lease()))).toBe("dead");
    expect((await store.getDelivery("d2"))?.attempts).toBe(1);
  });

  it("a delivery slower than its lease keeps renewing it: no sweep takes the row meanwhile, and it goes out once", async () => {
    let finish = () => {};
    const slow = new (class extends ScriptedPlatform {
      override async deliver(target: unknown, r: EngineReply, from: number): Promise<void> {
        await new Promise<void>((resolve) => {
          finish = resolve;
        });
        await super.deliver(target, r, from);
      }
    })();
    const outbox = dispatcher(slow, "a", store, { leaseMs: 150 });
    const delivering = outbox.deliver(await queue("d1", reply("one"), outbox.lease()));
    const other = new ScriptedPlatform();
    const sweeper = dispatcher(other, "b", store, { leaseMs: 150 });
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 120));
      // The clock passes the lease the row was written with: only the renewals keep it "a"'s.
      now += 100;
      expect(await sweeper.sweep()).toBe(0);
      expect(await outbox.sweep()).toBe(0);
    }
    finish();
    expect(await delivering).toBe("delivered");
    expect(slow.received).toEqual(["one"]);
    expect(other.received).toEqual([]);
    expect(await store.getDelivery("d1")).toMatchObject({ status: "delivered", attempts: 1 });
  });

  it("a replica that dies holding a row loses it to another when the lease ends, and it goes out once", async () => {
    const slack = new ScriptedPlatform();
    const dead = dispatcher(new ScriptedPlatform(), "dead-replica");
    await queue("d1", reply("one"), dead.lease());
    const second = await reopen();
    others.push(second);
    const alive = dispatcher(slack, "alive", second);
    expect(await alive.sweep()).toBe(0);
    now += 30_000;
    expect(await alive.sweep()).toBe(1);
    expect(slack.received).toEqual(["one"]);
    expect(await dead.sweep()).toBe(0);
    expect(await store.countDeliveries()).toEqual({ pending: 0, delivered: 1, dead: 0 });
  });

  it("two replicas sweeping the same rows at once deliver each exactly once", async () => {
    const a = new ScriptedPlatform();
    const b = new ScriptedPlatform();
    for (let i = 0; i < 40; i++) await queue(`d${String(i).padStart(2, "0")}`, reply(`m${i}`));
    const second = await reopen();
    others.push(second);
    const ra = dispatcher(a, "a");
    const rb = dispatcher(b, "b", second);
    while ((await store.countDeliveries()).pending > 0) await Promise.all([ra.sweep(), rb.sweep()]);
    const all = [...a.received, ...b.received];
    expect(all).toHaveLength(40);
    expect(new Set(all).size).toBe(40);
  });
});
