import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { migrate, migrations } from "../../src/store/migrations.ts";
import { migratePg } from "../../src/store/pg-migrate.ts";
import { openPgStore } from "../../src/store/pg-store.ts";
import { replyBody } from "../../src/store/reply-body.ts";
import { openSqliteStore } from "../../src/store/sqlite-store.ts";
import type { NewDelivery, Store } from "../../src/store/store.ts";
import { createTestDatabase } from "../pg/test-database.ts";

/** 09:00 on 1 May 2024 plus `minutes`. */
const t = (minutes: number) => new Date(Date.UTC(2024, 4, 1, 9, minutes)).toISOString();

/** An overview answer about the size of `/cp fault 303-RSC`'s (5.5 KB), so its body spills past a page. */
const answer = (title: string) => ({
  cards: [{ kind: "overview", title, blocks: [{ type: "text", markdown: "Check the cable. ".repeat(320) }] }],
  mode: "new",
  visibility: "ephemeral",
});

function delivery(id: string, reply: unknown, at = t(0), lease = true): NewDelivery {
  return {
    id,
    eventId: `Ev-${id}`,
    platform: "slack",
    target: { kind: "response_url", url: `https://hooks.slack.test/${id}` },
    reply,
    at,
    ...(lease ? { lease: { by: "replica-a", until: t(1) } } : {}),
  };
}

interface Engine {
  store: Store;
  /** How many rows reply_bodies holds, read past the store. */
  bodies(): Promise<number>;
  /**
   * Opens a second store on a database left at schema version 4 holding one pending row with its reply
   * inline (migrated to the latest version as it opens); `bodies()` then counts in that database.
   */
  legacy(reply: unknown): Promise<Store>;
  close(): Promise<void>;
}

/** A pending row as version 4 wrote it, its reply inline; `p` names the three parameters in each engine's style. */
const legacyRow = (p: [string, string, string]) => `INSERT INTO outbox (id, event_id, platform, target, reply, status,
  attempts, next_attempt_at, locked_until, locked_by, created_at)
  VALUES ('old', 'Ev-old', 'slack', '{}', ${p[0]}, 'pending', 0, ${p[1]}, NULL, NULL, ${p[2]})`;

function replyBodyTests(name: string, open: () => Promise<Engine>): void {
  describe(`reply bodies stored once (${name})`, () => {
    let engine: Engine | undefined;
    afterEach(async () => {
      await engine?.close();
      engine = undefined;
    });

    it("a repeated reply is one body; every row reads it; a delivered row lets go of it, the others keep it", async () => {
      engine = await open();
      const { store } = engine;
      for (let i = 0; i < 20; i++) await store.enqueueDelivery(delivery(`d${i}`, answer("Fault 303-RSC")));
      await store.enqueueDelivery(delivery("other", answer("Fault 101")));
      expect(await engine.bodies()).toBe(2);
      expect(await store.completeDelivery("d0", "replica-a", t(0))).toBe(true);
      expect((await store.getDelivery("d0"))?.reply).toBeNull();
      expect((await store.getDelivery("d1"))?.reply).toEqual(answer("Fault 303-RSC"));
      const taken = await store.takeDueDeliveries({
        at: t(2),
        by: "replica-b",
        leaseUntil: t(3),
        limit: 50,
        platforms: ["slack"],
      });
      expect(taken).toHaveLength(20);
      for (const row of taken) expect(row.reply).toEqual(answer(row.id === "other" ? "Fault 101" : "Fault 303-RSC"));
    });

    it("a body made beforehand (a shared card's) is stored as given, and read back as the reply", async () => {
      engine = await open();
      const { store } = engine;
      const reply = answer("Fault 303-RSC");
      const body = replyBody(reply);
      await store.enqueueDelivery({ ...delivery("d1", reply), body });
      await store.enqueueDelivery({ ...delivery("d2", answer("Fault 303-RSC")), body });
      await store.enqueueDelivery(delivery("d3", answer("Fault 303-RSC")));
      expect(await engine.bodies()).toBe(1);
      for (const id of ["d1", "d2", "d3"]) expect((await store.getDelivery(id))?.reply).toEqual(reply);
    });

    it("a replaced reply is stored as its own body and read back, the old one left to the purge", async () => {
      engine = await open();
      const { store } = engine;
      await store.enqueueDelivery(delivery("d1", answer("Fault 303-RSC")));
      expect(await store.updateDeliveryReply("d1", "replica-b", answer("stolen"), t(0))).toBe(false);
      expect(await engine.bodies()).toBe(1);
      expect(await store.updateDeliveryReply("d1", "replica-a", answer("with the handoff"), t(0))).toBe(true);
      expect((await store.getDelivery("d1"))?.reply).toEqual(answer("with the handoff"));
      expect(await engine.bodies()).toBe(2);
      // An hour and more later, the purge (with the first claim) keeps only the body the pending row names.
      await store.claimEvent("Ev-later", t(90));
      expect(await engine.bodies()).toBe(1);
      expect((await store.getDelivery("d1"))?.reply).toEqual(answer("with the handoff"));
    });

    it("the purge takes bodies no pending or dead row names once unused for an hour, and keeps the rest", async () => {
      engine = await open();
      const { store } = engine;
      await store.enqueueDelivery(delivery("sent", answer("sent")));
      await store.enqueueDelivery(delivery("waiting", answer("waiting"), t(0), false));
      await store.enqueueDelivery(delivery("given-up", answer("given up")));
      await store.enqueueDelivery(delivery("recent", answer("recent")));
      await store.completeDelivery("sent", "replica-a", t(0));
      await store.failDelivery("given-up", { by: "replica-a", at: t(0), error: "channel_not_found", progress: 0 });
      // "recent" is answered again 50 minutes on (its body's use time moves forward), then delivered.
      await store.enqueueDelivery(delivery("recent-2", answer("recent"), t(50)));
      await store.completeDelivery("recent", "replica-a", t(50));
      await store.completeDelivery("recent-2", "replica-a", t(50));
      expect(await engine.bodies()).toBe(4);
      // The first claim prunes; 40 minutes on, nothing is an hour unused yet.
      await store.claimEvent("Ev-1", t(40));
      expect(await engine.bodies()).toBe(4);
      await store.claimEvent("Ev-2", t(80));
      expect(await engine.bodies()).toBe(3);
      await store.claimEvent("Ev-3", t(120));
      expect(await engine.bodies()).toBe(2);
      expect((await store.getDelivery("waiting"))?.reply).toEqual(answer("waiting"));
      expect((await store.getDelivery("given-up"))?.reply).toEqual(answer("given up"));
      // A purged body is stored again when the same answer is queued later.
      await store.enqueueDelivery(delivery("sent-again", answer("sent"), t(121)));
      expect((await store.getDelivery("sent-again"))?.reply).toEqual(answer("sent"));
      expect(await engine.bodies()).toBe(3);
    });

    it("a row queued before schema version 5 keeps its reply inline, is delivered as before, then drops it", async () => {
      engine = await open();
      const store = await engine.legacy(answer("queued by the old version"));
      const [taken] = await store.takeDueDeliveries({
        at: t(1),
        by: "replica-a",
        leaseUntil: t(2),
        limit: 10,
        platforms: ["slack"],
      });
      expect(taken).toMatchObject({ id: "old", reply: answer("queued by the old version") });
      expect(await engine.bodies()).toBe(0);
      expect(await store.completeDelivery("old", "replica-a", t(1))).toBe(true);
      expect((await store.getDelivery("old"))?.reply).toBeNull();
    });
  });
}

replyBodyTests("sqlite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "cpbot-bodies-"));
  let file = join(dir, "cpbot.db");
  const store = openSqliteStore(file);
  const stores = [store];
  return {
    store,
    async bodies() {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare("SELECT COUNT(*) AS n FROM reply_bodies").get() as { n: number }).n;
      } finally {
        db.close();
      }
    },
    async legacy(reply) {
      file = join(dir, "version-4.db");
      const db = new Database(file);
      migrate(
        db,
        file,
        migrations.filter((m) => m.version <= 4),
      );
      db.prepare(legacyRow(["?", "?", "?"])).run(JSON.stringify(reply), t(0), t(0));
      db.close();
      stores.push(openSqliteStore(file));
      return stores.at(-1) as Store;
    },
    async close() {
      for (const s of stores) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

const server = inject("pgUrl");

// Without PostgreSQL (no TEST_DATABASE_URL, no Debian binaries) these report as skipped, not passed.
describe.skipIf(!server)("PostgreSQL", () => {
  replyBodyTests("postgres", async () => {
    let db = await createTestDatabase(server);
    const made = [db];
    const store = await openPgStore(db.url);
    const stores: Store[] = [store];
    return {
      store,
      async bodies() {
        const client = new pg.Client({ connectionString: db.url });
        await client.connect();
        try {
          const { rows } = await client.query<{ n: number }>("SELECT COUNT(*)::int AS n FROM reply_bodies");
          return rows[0]?.n ?? 0;
        } finally {
          await client.end();
        }
      },
      async legacy(reply) {
        db = await createTestDatabase(server);
        made.push(db);
        const pool = new pg.Pool({ connectionString: db.url });
        try {
          await migratePg(
            pool,
            "test",
            migrations.filter((m) => m.version <= 4),
          );
          await pool.query(legacyRow(["$1", "$2", "$3"]), [JSON.stringify(reply), t(0), t(0)]);
        } finally {
          await pool.end();
        }
        stores.push(await openPgStore(db.url));
        return stores.at(-1) as Store;
      },
      async close() {
        for (const s of stores) await s.close().catch(() => {});
        for (const d of made) await d.drop();
      },
    };
  });

  it("another replica's purge never takes the body of a reply being queued, its row not committed yet", async () => {
    const db = await createTestDatabase(server);
    const [a, b] = [await openPgStore(db.url), await openPgStore(db.url)];
    try {
      // The body was last used at 09:00 and no row names it any more: at 10:40 it is the purge's to take.
      await a.enqueueDelivery(delivery("first", answer("Fault 303-RSC")));
      await a.completeDelivery("first", "replica-a", t(0));
      let purged: Promise<boolean> | undefined;
      await a.transaction(async (tx) => {
        await tx.enqueueDelivery(delivery("again", answer("Fault 303-RSC"), t(100)));
        // Replica b's first claim purges while a's reference is still uncommitted.
        purged = b.claimEvent("Ev-b", t(100));
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      expect(await purged).toBe(true);
      expect((await b.getDelivery("again"))?.reply).toEqual(answer("Fault 303-RSC"));
    } finally {
      await Promise.all([a.close(), b.close()]);
      await db.drop();
    }
  });
});
