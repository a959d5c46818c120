import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openPgStore } from "../../src/store/pg-store.ts";
import { FakeSlackApi } from "../adapters/slack/fake-slack-api.ts";
import { ServeProcess, slackEnv } from "../adapters/slack/serve-process.ts";
import {
  type Envelope,
  escalationChannel,
  fixture,
  messagesInChannel,
  pressPayload,
  type SeenMessage,
  textOf,
} from "../adapters/slack/slack-harness.ts";
import { buildCli } from "../fakes/built-cli.ts";
import { createTestDatabase } from "../pg/test-database.ts";

const server = inject("pgUrl");
if (!server) {
  console.warn(
    "two-replica test skipped: no PostgreSQL (set TEST_DATABASE_URL, or install Debian's postgresql package; CI runs .ci/postgres.sh)",
  );
}

const sue = { id: "USUE00001", username: "sue" };
const bob = { id: "UBOB00001", username: "bob" };
let seq = 0;
let debug = () => "";

function mention(text: string): { envelope: Envelope; ts: string } {
  const envelope = fixture<Envelope>("app-mention");
  const ts = `1699${String(++seq).padStart(6, "0")}.000100`;
  Object.assign(envelope.event, { text: `<@UCPBOT> ${text}`, ts, event_ts: ts });
  envelope.event_id = `Ev${ts.replace(".", "")}`;
  return { envelope, ts };
}

async function until(done: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${debug()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Two `cpbot serve` processes on one PostgreSQL database, behind "one URL" (the test sends each request to
 * the replica it chooses, as a load balancer would), talking to one fake Slack (issue 14's "Done when").
 */
describe.skipIf(!server)("two replicas on one PostgreSQL database behave as one bot", { timeout: 60_000 }, () => {
  let api: FakeSlackApi;
  let cli: Awaited<ReturnType<typeof buildCli>>;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: ServeProcess;
  let b: ServeProcess;
  const channel = "COPS00001";
  const thread = (ts: string) => api.callsOf("chat.postMessage").filter((c) => c.body.thread_ts === ts);
  const press = (on: ServeProcess, message: SeenMessage | undefined, label: string, user = sue) =>
    on.interact(pressPayload(api, message, label, { user }, ++seq));

  beforeAll(async () => {
    api = new FakeSlackApi();
    api.members.set(escalationChannel, [sue.id, bob.id, "UCPBOT"]);
    await api.start();
    [cli, db] = await Promise.all([buildCli("replicas"), createTestDatabase(server)]);
    [a, b] = await Promise.all([
      ServeProcess.start(cli.main, slackEnv(api.apiUrl, db.url)),
      ServeProcess.start(cli.main, slackEnv(api.apiUrl, db.url)),
    ]);
    debug = () => (process.env.DEBUG_LOGS ? `\n${b.logs.join("").slice(-3000)}` : "");
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await api?.close();
    await db?.drop();
    cli?.remove();
  });

  it("a Slack event and its retry, delivered to different replicas, are answered once", async () => {
    const { envelope, ts } = mention("fault 303-RSC");
    expect(await a.event(envelope)).toBe(200);
    expect(await b.event(envelope, 1)).toBe(200);
    await until(() => thread(ts).length > 0, "the answer");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const posts = thread(ts).map((c) => JSON.stringify(c.body.blocks));
    expect(new Set(posts).size).toBe(posts.length);
    expect(posts[0]).toContain("303-RSC");
  });

  it("a walkthrough card drawn by one replica, pressed on the other, continues from the stored state", async () => {
    const { envelope, ts } = mention("fault 303-RSC");
    await a.event(envelope);
    await until(() => thread(ts).length > 0, "the overview");
    const inThread = () => messagesInChannel(api, channel).filter((m) => m.threadTs === ts || m.ts === ts);
    const overview = inThread().find((m) => textOf(m).includes("Start walkthrough"));
    const sent = () => api.callsOf("chat.update").length + api.callsOf("chat.postMessage").length;
    const before = sent();
    expect(await press(b, overview, "Start walkthrough")).toBe(200);
    await until(() => sent() > before, "the first step on replica b");
    const step1 = inThread().at(-1);
    expect(textOf(step1)).toContain("Step 1 of");
    const done = step1?.blocks.flatMap((x) => (x.type === "actions" ? (x.elements ?? []) : []))[0]?.text.text;
    expect(await press(a, step1, done ?? "Done")).toBe(200);
    const afterFirst = sent();
    await until(() => sent() > afterFirst, "the second step on replica a");
    const step2 = inThread().at(-1);
    expect(textOf(step2)).toContain("Step 2 of");
  });

  it("two Claims at the same moment on different replicas: exactly one wins, the other is told who has it", async () => {
    const { envelope, ts } = mention("the relay is stuck closed on port 2");
    await a.event(envelope);
    await until(() => thread(ts).length > 0, "the answer");
    const answer = messagesInChannel(api, channel)
      .filter((m) => m.threadTs === ts)
      .at(-1);
    expect(await press(b, answer, "Escalate…")).toBe(200);
    await until(() => messagesInChannel(api, escalationChannel).length > 0, "the handoff");
    const handoff = messagesInChannel(api, escalationChannel)[0];
    const said = () => [...api.calls.map((c) => c.body), ...api.responses.map((r) => r.body)];
    const before = said().length;
    const [sa, sb] = await Promise.all([press(a, handoff, "Claim", sue), press(b, handoff, "Claim", bob)]);
    expect([sa, sb]).toEqual([200, 200]);
    const store = await openPgStore(db.url, { migrate: false });
    const id = (await store.listEscalations())[0]?.id ?? "";
    let claimed = await store.getEscalation(id);
    for (let i = 0; i < 200 && claimed?.history.length !== 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      claimed = await store.getEscalation(id);
    }
    await store.close();
    expect(claimed?.status).toBe("claimed");
    expect(claimed?.history.filter((h) => h.to === "claimed")).toHaveLength(1);
    const winner = claimed?.claimedBy?.name ?? claimed?.claimedBy?.id ?? "?";
    // The loser is told, by name, who has it.
    await until(
      () =>
        said()
          .slice(before)
          .some((body) => /already/i.test(JSON.stringify(body)) && JSON.stringify(body).includes(winner)),
      "the loser's notice",
    );
  });

  it("queued replies are delivered once and none are left when a replica is killed with SIGKILL", async () => {
    const store = await openPgStore(db.url, { migrate: false });
    const total = async () => Object.values(await store.countDeliveries()).reduce((x, y) => x + y, 0);
    const rowsBefore = await total();
    api.failDeliveries({ kind: "timeout" }, ["chat.postMessage"]);
    const asked = [mention("fault 303-RSC"), mention("station offline"), mention("fault 304-RSO")];
    for (const { envelope } of asked) expect(await a.event(envelope)).toBe(200);
    // All three decided and queued by replica a (it is still trying to post them) before it dies.
    for (let i = 0; i < 400 && (await total()) < rowsBefore + 3; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await total()).toBe(rowsBefore + 3);
    await a.kill();
    api.clearFault();
    // Replica b takes a's rows once their lease (2 s here) has run out.
    for (const { ts } of asked) await until(() => thread(ts).length > 0, `the answer in ${ts}`);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const { ts } of asked) {
      const posts = thread(ts).map((c) => JSON.stringify(c.body.blocks));
      expect(new Set(posts).size).toBe(posts.length);
    }
    const counts = await store.countDeliveries();
    await store.close();
    expect(counts).toMatchObject({ pending: 0, dead: 0 });
  });
});
