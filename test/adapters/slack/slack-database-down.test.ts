import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../pg/test-database.ts";
import { type Cluster, debianPostgresBin, startThrowawayCluster } from "../../pg/throwaway-cluster.ts";
import { SlackHarness, textOf } from "./slack-harness.ts";

// This test stops and starts its own PostgreSQL, so it needs the binaries, not only a server URL.
const bin = debianPostgresBin();

describe.skipIf(!bin)("Slack while PostgreSQL is down (a cluster of its own, stopped mid-test)", () => {
  let cluster: Cluster;
  let h: SlackHarness | undefined;
  // A connection the server drops must be heard where it is raised (src/store/pg-store.ts), never reach the
  // process as an uncaught 'error' event or an unawaited rejection.
  const unhandled: unknown[] = [];
  const note = (error: unknown) => unhandled.push(error);
  beforeEach(() => {
    unhandled.length = 0;
    process.on("uncaughtException", note);
    process.on("unhandledRejection", note);
  });
  beforeAll(async () => {
    cluster = await startThrowawayCluster(bin as string);
  }, 60_000);
  afterAll(() => cluster?.stop());
  afterEach(async () => {
    await h?.close();
    h = undefined;
    process.off("uncaughtException", note);
    process.off("unhandledRejection", note);
    expect(unhandled).toEqual([]);
  });

  const replies = () => h!.api.callsOf("chat.postMessage").filter((c) => c.body.channel === "COPS00001");
  const readyz = async () => (await fetch(`${h!.server.url}/readyz`)).status;

  it("a mention is answered 503 with one card, redelivered by Slack, and answered once when the database is back", async () => {
    const db = await createTestDatabase(cluster.url);
    h = await SlackHarness.start({ DATABASE_URL: db.url });
    expect(await readyz()).toBe(200);

    const { envelope } = h.mention("fault 303-RSC");
    cluster.pause();
    try {
      expect(await readyz()).toBe(503);
      const first = await h.event(envelope);
      expect(first.status).toBe(503);
      expect(replies()).toHaveLength(1);
      const card = textOf(h.messagesIn("COPS00001")[0]!);
      expect(card).toContain("cpbot cannot reach its database");
      expect(card).toContain("Nothing you sent is lost");
      expect(card).toContain("Team note");
      // Slack's first retry, still down: 503 again and no second card.
      expect((await h.event(envelope, { retryNum: 1 })).status).toBe(503);
      expect(replies()).toHaveLength(1);

      // A slash command is never redelivered: the person is told in the acknowledgement, nothing is done.
      const slash = await h.command(h.slash("escalations", "down1"));
      expect(slash.status).toBe(200);
      const told = [slash.text, ...h.responsesTo("down1").map(textOf)].join("\n");
      expect(told).toContain("cannot reach my database");
    } finally {
      cluster.resume();
    }

    expect(await readyz()).toBe(200);
    expect((await h.event(envelope, { retryNum: 2 })).status).toBe(200);
    expect(replies()).toHaveLength(2);
    expect(textOf(h.messagesIn("COPS00001")[1]!)).toContain("303-RSC");
    // A further redelivery (say the 2nd answer's ack was lost) is not answered again.
    expect((await h.event(envelope, { retryNum: 3 })).status).toBe(200);
    expect(replies()).toHaveLength(2);
    await h.close();
    h = undefined;
    await db.drop();
  }, 60_000);
});
