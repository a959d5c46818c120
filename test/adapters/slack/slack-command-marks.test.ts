import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../../src/store/sqlite-store.ts";
import { buildCli } from "../../fakes/built-cli.ts";
import { FakeSlackApi } from "./fake-slack-api.ts";
import { ServeProcess, slackEnv, waitFor } from "./serve-process.ts";
import { fixture } from "./slack-harness.ts";

let api: FakeSlackApi;
let cli: Awaited<ReturnType<typeof buildCli>>;
let database: string;
const running: ServeProcess[] = [];

beforeAll(async () => {
  cli = await buildCli("marks-test");
}, 120_000);
afterAll(() => cli.remove());

beforeEach(async () => {
  api = new FakeSlackApi();
  await api.start();
  database = join(mkdtempSync(join(tmpdir(), "cpbot-marks-")), "cpbot.db");
});
afterEach(async () => {
  for (const p of running.splice(0)) await p.stop();
  await api.close();
});

async function replica(env: Record<string, string>): Promise<ServeProcess> {
  const p = await ServeProcess.start(cli.main, { ...slackEnv(api.apiUrl, database), ...env });
  running.push(p);
  return p;
}

function slash(text: string, id: string): Record<string, string> {
  return {
    ...fixture<Record<string, string>>("slash-command"),
    text,
    response_url: api.responseUrl(id),
    trigger_id: `${id}.738474920.8088930838d88f008e0`,
  };
}

/** The outbox rows of the database, by status, read after the replicas stopped. */
async function outboxStatuses(): Promise<Record<string, number>> {
  const store = openSqliteStore(database);
  try {
    return await store.countDeliveries();
  } finally {
    await store.close();
  }
}

/**
 * A slash command answered in its acknowledgement is marked delivered afterwards, its mark gathered with
 * others' for OUTBOX_MARK_GATHER_MS and written as one statement (src/delivery/delivered-marks.ts).
 */
describe("the delivered marks of slash commands answered in their acknowledgement", { timeout: 90_000 }, () => {
  it("SIGTERM writes the marks still gathering: nothing is left to send again", async () => {
    // A gathering window far longer than the test: only the shutdown's flush can write these marks.
    const p = await replica({ OUTBOX_MARK_GATHER_MS: "60000", OUTBOX_LEASE_MS: "600000" });
    for (const id of ["c1", "c2"]) {
      const answer = await p.command(slash("fault 303-RSC", id));
      expect(answer.status).toBe(200);
      expect(answer.text).toContain("303-RSC");
    }
    expect(await p.stop()).toBe(0);
    expect(await outboxStatuses()).toEqual({ pending: 0, delivered: 2, dead: 0 });
    expect(api.responses).toEqual([]);
  });

  it("kill -9 before the marks are written: after the lease the answer goes once more, and only once", async () => {
    // The window is held under a tenth of the 10 s lease (1 s); the kill comes well inside it.
    const first = await replica({ OUTBOX_MARK_GATHER_MS: "60000", OUTBOX_LEASE_MS: "10000" });
    const answer = await first.command(slash("fault 303-RSC", "k1"));
    expect(answer.text).toContain("303-RSC");
    await first.kill();
    expect(await outboxStatuses()).toEqual({ pending: 1, delivered: 0, dead: 0 });
    const started = Date.now();
    await replica({});
    await waitFor(() => api.responses.length > 0, "the unmarked answer sent again after the lease", running, 40_000);
    // Not before the lease of the replica that died (10 s from the decision) ended.
    expect(Date.now() - started).toBeGreaterThan(2_000);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(api.responses.map((r) => r.id)).toEqual(["k1"]);
    expect(JSON.stringify(api.responses[0]?.body)).toContain("303-RSC");
  });
});
