import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../../src/store/sqlite-store.ts";
import { buildCli } from "../../fakes/built-cli.ts";
import { FakeSlackApi } from "./fake-slack-api.ts";
import { ServeProcess, slackEnv } from "./serve-process.ts";
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

/** The outbox rows and the analytics/audit rows of the database, read after the replicas stopped. */
async function stored(): Promise<{ outbox: Record<string, number>; events: string[] }> {
  const store = openSqliteStore(database);
  try {
    // The turns' rows: their analytics and their audit lines ("answer"), not the server's start record.
    const events = (await store.listEvents())
      .filter((e) => e.type !== "audit" || (e.data as { action?: string } | undefined)?.action === "answer")
      .map((e) => e.type)
      .sort();
    return { outbox: await store.countDeliveries(), events };
  } finally {
    await store.close();
  }
}

/**
 * A slash command answered in its acknowledgement is written after the ack (answer-command.ts,
 * `deferWrites`): its claim, session, analytics rows and audit line, with no outbox row, since the
 * answer already reached the person in the HTTP response.
 */
describe("slash commands answered in their acknowledgement, written after it", { timeout: 90_000 }, () => {
  it("SIGTERM right after two answers: both turns are written, no row is queued, nothing is sent again", async () => {
    const p = await replica({});
    for (const id of ["c1", "c2"]) {
      const answer = await p.command(slash("fault 303-RSC", id));
      expect(answer.status).toBe(200);
      expect(answer.text).toContain("303-RSC");
    }
    expect(await p.stop()).toBe(0);
    expect(await stored()).toEqual({
      outbox: { pending: 0, delivered: 0, dead: 0 },
      events: ["audit", "audit", "match", "match", "question", "question"],
    });
    expect(api.responses).toEqual([]);
  });

  it("kill -9 right after the answer: nothing is queued, so nothing is ever sent a second time", async () => {
    const first = await replica({ OUTBOX_LEASE_MS: "2000" });
    const answer = await first.command(slash("fault 303-RSC", "k1"));
    expect(answer.text).toContain("303-RSC");
    await first.kill();
    // The turn's rows are there or lost with the process (the answer went out either way); no outbox row.
    const after = await stored();
    expect(after.outbox).toEqual({ pending: 0, delivered: 0, dead: 0 });
    expect([[], ["audit", "match", "question"]]).toContainEqual(after.events);
    await replica({});
    // Past the dead replica's lease and a few sweeps of the new one: no copy through response_url.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(api.responses).toEqual([]);
  });
});
