import { describe, expect, it } from "vitest";
import type { NewDelivery, Store } from "../../src/store/store.ts";

const t = (second: number) => new Date(Date.UTC(2024, 4, 1, 9, 0, second)).toISOString();

function delivery(id: string, extra: Partial<NewDelivery> = {}): NewDelivery {
  return {
    id,
    eventId: `Ev-${id}`,
    platform: "slack",
    target: { kind: "thread", channel: "C1", threadTs: "1700.1" },
    reply: { cards: [{ title: id }], mode: "new", visibility: "in_channel" },
    at: t(0),
    ...extra,
  };
}

/** The outbox part of the Store contract: leases, retries, dead letters, two stores taking at once. */
export function outboxContract(get: () => { store: Store; reopen: () => Promise<Store> }): void {
  describe("outbox", () => {
    it("marks many held rows delivered in one call: only rows the caller still holds and that are pending", async () => {
      const { store } = get();
      const lease = (by: string) => ({ by, until: t(30) });
      for (const id of ["m1", "m2", "m3"]) await store.enqueueDelivery(delivery(id, { lease: lease("replica-a") }));
      await store.enqueueDelivery(delivery("theirs", { lease: lease("replica-b") }));
      await store.enqueueDelivery(delivery("done", { lease: lease("replica-a") }));
      expect(await store.completeDelivery("done", "replica-a", t(1))).toBe(true);
      expect(await store.completeDeliveries([], "replica-a", t(2))).toBe(0);
      expect(await store.completeDeliveries(["m1", "m3", "theirs", "done", "missing"], "replica-a", t(2))).toBe(2);
      for (const id of ["m1", "m3"]) {
        const row = await store.getDelivery(id);
        expect(row).toMatchObject({ status: "delivered", finishedAt: t(2), reply: null });
        expect(row?.lockedUntil).toBeUndefined();
      }
      expect(await store.getDelivery("m2")).toMatchObject({ status: "pending", lockedBy: "replica-a" });
      expect(await store.getDelivery("theirs")).toMatchObject({ status: "pending", lockedBy: "replica-b" });
      expect(await store.getDelivery("done")).toMatchObject({ status: "delivered", finishedAt: t(1) });
      expect(await store.countDeliveries()).toEqual({ pending: 2, delivered: 3, dead: 0 });
      // Marked rows are no longer due, even after the lease; the unmarked one is.
      const take = { at: t(60), by: "replica-c", leaseUntil: t(90), limit: 10, platforms: ["slack" as const] };
      expect((await store.takeDueDeliveries(take)).map((r) => r.id).sort()).toEqual(["m2", "theirs"]);
    });

    it("queues a reply, leases it to one taker, and marks it delivered once", async () => {
      const { store } = get();
      const queued = await store.enqueueDelivery(delivery("d1"));
      expect(queued).toMatchObject({ id: "d1", status: "pending", attempts: 0, progress: 0, eventId: "Ev-d1" });
      expect(queued.target).toEqual({ kind: "thread", channel: "C1", threadTs: "1700.1" });
      const take = { at: t(1), by: "replica-a", leaseUntil: t(31), limit: 10, platforms: ["slack" as const] };
      const [taken, ...more] = await store.takeDueDeliveries(take);
      expect(more).toEqual([]);
      expect(taken).toMatchObject({ id: "d1", attempts: 1, lockedBy: "replica-a", lockedUntil: t(31) });
      // Leased: nobody else gets it until the lease ends.
      expect(await store.takeDueDeliveries({ ...take, by: "replica-b", at: t(2) })).toEqual([]);
      expect(await store.completeDelivery("d1", "replica-b", t(3))).toBe(false);
      expect(await store.completeDelivery("d1", "replica-a", t(3))).toBe(true);
      expect(await store.completeDelivery("d1", "replica-a", t(4))).toBe(false);
      expect(await store.getDelivery("d1")).toMatchObject({ status: "delivered", finishedAt: t(3) });
      // Sent: the reply's text is not kept.
      expect(queued.reply).not.toBeNull();
      expect((await store.getDelivery("d1"))?.reply).toBeNull();
      expect(await store.takeDueDeliveries({ ...take, at: t(60) })).toEqual([]);
      expect(await store.countDeliveries()).toEqual({ pending: 0, delivered: 1, dead: 0 });
    });

    it("the record enqueue returns is the row as stored, with a lease and without", async () => {
      const { store } = get();
      const plain = await store.enqueueDelivery(delivery("d1", { at: "2024-05-01T11:00:00+02:00" }));
      expect(plain).toEqual(await store.getDelivery("d1"));
      expect(plain.createdAt).toBe(t(0));
      const leased = await store.enqueueDelivery(
        delivery("d2", { eventId: undefined, lease: { by: "replica-a", until: "2024-05-01T11:00:30+02:00" } }),
      );
      expect(leased).toEqual(await store.getDelivery("d2"));
      expect(leased).toMatchObject({ attempts: 1, lockedBy: "replica-a", lockedUntil: t(30) });
      expect(leased.eventId).toBeUndefined();
    });

    it("a row leased at enqueue belongs to its writer until the lease ends, then to anyone", async () => {
      const { store } = get();
      await store.enqueueDelivery(delivery("d1", { lease: { by: "replica-a", until: t(10) } }));
      const take = { at: t(5), by: "replica-b", leaseUntil: t(35), limit: 10, platforms: ["slack" as const] };
      expect(await store.takeDueDeliveries(take)).toEqual([]);
      // replica-a died: after its lease, replica-b takes the row and delivers it.
      const [taken] = await store.takeDueDeliveries({ ...take, at: t(10) });
      expect(taken).toMatchObject({ id: "d1", lockedBy: "replica-b", attempts: 2 });
      expect(await store.completeDelivery("d1", "replica-a", t(11))).toBe(false);
      expect(await store.completeDelivery("d1", "replica-b", t(11))).toBe(true);
    });

    it("the holder renews its lease while delivering; nobody takes the row meanwhile; a lost row cannot be renewed", async () => {
      const { store } = get();
      await store.enqueueDelivery(delivery("d1", { lease: { by: "replica-a", until: t(10) } }));
      expect(await store.renewDeliveryLease("d1", "replica-a", t(40))).toBe(true);
      expect(await store.getDelivery("d1")).toMatchObject({ lockedBy: "replica-a", lockedUntil: t(40) });
      const take = { at: t(20), by: "replica-b", leaseUntil: t(50), limit: 10, platforms: ["slack" as const] };
      // Past the first lease, still renewed: not free.
      expect(await store.takeDueDeliveries(take)).toEqual([]);
      expect(await store.renewDeliveryLease("d1", "replica-b", t(60))).toBe(false);
      await expect(store.renewDeliveryLease("d1", "replica-a", "soon")).rejects.toThrow(/lease end "soon"/);
      // replica-a stopped renewing (it died): after the renewed lease replica-b takes it, and a's renewal fails.
      const [taken] = await store.takeDueDeliveries({ ...take, at: t(40) });
      expect(taken).toMatchObject({ id: "d1", lockedBy: "replica-b", lockedUntil: t(50) });
      expect(await store.renewDeliveryLease("d1", "replica-a", t(70))).toBe(false);
      expect(await store.completeDelivery("d1", "replica-b", t(41))).toBe(true);
      expect(await store.renewDeliveryLease("d1", "replica-b", t(80))).toBe(false);
      expect(await store.getDelivery("d1")).toMatchObject({ status: "delivered", finishedAt: t(41) });
    });

    it("a failed attempt waits for its retry time, keeps its progress, and a given-up row is dead", async () => {
      const { store } = get();
      await store.enqueueDelivery(delivery("d1", { lease: { by: "a", until: t(30) } }));
      const failed = await store.failDelivery("d1", {
        by: "a",
        at: t(1),
        error: "slack 500",
        progress: 2,
        retryAt: t(3),
      });
      expect(failed).toBe(true);
      expect(await store.getDelivery("d1")).toMatchObject({ status: "pending", progress: 2, lastError: "slack 500" });
      const take = { at: t(2), by: "a", leaseUntil: t(40), limit: 10, platforms: ["slack" as const] };
      expect(await store.takeDueDeliveries(take)).toEqual([]);
      const [again] = await store.takeDueDeliveries({ ...take, at: t(3) });
      expect(again).toMatchObject({ id: "d1", progress: 2, attempts: 2 });
      expect(await store.failDelivery("d1", { by: "a", at: t(4), error: "gone", progress: 2 })).toBe(true);
      expect(await store.getDelivery("d1")).toMatchObject({ status: "dead", finishedAt: t(4), lastError: "gone" });
      expect(await store.takeDueDeliveries({ ...take, at: t(99) })).toEqual([]);
      expect(await store.countDeliveries()).toEqual({ pending: 0, delivered: 0, dead: 1 });
    });

    it("takes only the platforms asked for, oldest first, up to the limit", async () => {
      const { store } = get();
      await store.enqueueDelivery(delivery("late", { at: t(2) }));
      await store.enqueueDelivery(delivery("teams", { at: t(0), platform: "teams" }));
      await store.enqueueDelivery(delivery("early", { at: t(1) }));
      const take = { at: t(5), by: "a", leaseUntil: t(35), limit: 1, platforms: ["slack" as const] };
      expect((await store.takeDueDeliveries(take)).map((d) => d.id)).toEqual(["early"]);
      expect((await store.takeDueDeliveries({ ...take, limit: 5 })).map((d) => d.id)).toEqual(["late"]);
      expect((await store.takeDueDeliveries({ ...take, platforms: ["teams"] })).map((d) => d.id)).toEqual(["teams"]);
    });

    it("a reply queued in a transaction that rolls back was never queued", async () => {
      const { store } = get();
      await expect(
        store.transaction(async (tx) => {
          await tx.claimEvent("Ev1", t(0));
          await tx.enqueueDelivery(delivery("d1"));
          throw new Error("crash");
        }),
      ).rejects.toThrow("crash");
      expect(await store.getDelivery("d1")).toBeUndefined();
      expect(await store.claimEvent("Ev1", t(1))).toBe(true);
    });

    it("the holder can replace the reply (cards added after the decision); nobody else can", async () => {
      const { store } = get();
      await store.enqueueDelivery(delivery("d1", { lease: { by: "a", until: t(30) } }));
      expect(await store.updateDeliveryReply("d1", "b", { cards: [] }, t(1))).toBe(false);
      expect(await store.updateDeliveryReply("d1", "a", { cards: [{ title: "more" }] }, t(1))).toBe(true);
      expect((await store.getDelivery("d1"))?.reply).toEqual({ cards: [{ title: "more" }] });
    });

    it("two stores taking at the same moment never take one row twice", async () => {
      const { store, reopen } = get();
      const other = await reopen();
      for (let i = 0; i < 30; i++) await store.enqueueDelivery(delivery(`d${i}`));
      const take = { at: t(1), leaseUntil: t(31), limit: 4, platforms: ["slack" as const] };
      const seen: string[] = [];
      for (let round = 0; round < 10; round++) {
        const [a, b] = await Promise.all([
          store.takeDueDeliveries({ ...take, by: "a" }),
          other.takeDueDeliveries({ ...take, by: "b" }),
        ]);
        seen.push(...a.map((d) => d.id), ...b.map((d) => d.id));
      }
      expect(seen).toHaveLength(30);
      expect(new Set(seen).size).toBe(30);
    });

    it("refuses a bad row before writing anything", async () => {
      const { store } = get();
      await expect(store.enqueueDelivery(delivery("d1", { at: "yesterday" }))).rejects.toThrow(/ISO 8601/);
      expect(await store.countDeliveries()).toEqual({ pending: 0, delivered: 0, dead: 0 });
    });
  });
}
