import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildCli } from "../../fakes/built-cli.ts";
import { FakeSlackApi } from "./fake-slack-api.ts";
import { ServeProcess, slackEnv, waitFor } from "./serve-process.ts";
import { type Envelope, escalationChannel, fixture } from "./slack-harness.ts";

let api: FakeSlackApi;
let cli: Awaited<ReturnType<typeof buildCli>>;
let database: string;
const running: ServeProcess[] = [];

beforeAll(async () => {
  cli = await buildCli("kill-test");
}, 120_000);
afterAll(() => cli.remove());

beforeEach(async () => {
  api = new FakeSlackApi();
  await api.start();
  database = join(mkdtempSync(join(tmpdir(), "cpbot-kill-")), "cpbot.db");
});
afterEach(async () => {
  for (const p of running.splice(0)) await p.stop();
  await api.close();
});

async function replica(): Promise<ServeProcess> {
  const p = await ServeProcess.start(cli.main, slackEnv(api.apiUrl, database));
  running.push(p);
  return p;
}

const until = (done: () => boolean, what: string, ms?: number) => waitFor(done, what, running, ms);

function mention(text: string): { envelope: Envelope; ts: string } {
  const envelope = fixture<Envelope>("app-mention");
  const ts = `1699${Math.floor(Math.random() * 1e6)}.000100`;
  Object.assign(envelope.event, { text: `<@UCPBOT> ${text}`, ts, event_ts: ts });
  envelope.event_id = `Ev${ts.replace(".", "")}`;
  return { envelope, ts };
}

/** Answers cpbot posted in the thread of `ts`. */
const answersIn = (ts: string) => api.callsOf("chat.postMessage").filter((c) => c.body.thread_ts === ts);

/** The answer is there, and stays single: no message of it is posted twice, even after the leases run out. */
async function expectAnsweredOnce(ts: string, first = "303-RSC"): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const posts = answersIn(ts).map((c) => JSON.stringify(c.body.blocks));
  expect(posts.length).toBeGreaterThan(0);
  expect(new Set(posts).size).toBe(posts.length);
  expect(posts[0]).toContain(first);
}

/**
 * kill -9 of `cpbot serve` at each stage of answering a Slack event, then a restart on the same database
 * and Slack's redelivery of the event (X-Slack-Retry-Num): exactly one answer every time (issue 15, defect 3).
 */
describe("kill -9 while answering, restart, Slack redelivers: exactly one answer", { timeout: 60_000 }, () => {
  it("killed before the decision (an escalation waiting on Slack for the thread's permalink)", async () => {
    api.failDeliveries({ kind: "timeout" }, ["chat.getPermalink"]);
    const first = await replica();
    const { envelope, ts } = mention("escalate relay stuck closed after a remote reboot");
    expect(await first.event(envelope)).toBe(200);
    await until(() => api.faulted > 0, "the permalink request");
    await first.kill();
    api.clearFault();
    const second = await replica();
    expect(await second.event(envelope, 1)).toBe(200);
    await until(() => answersIn(ts).length > 0, "the answer");
    await expectAnsweredOnce(ts, "Escalated to Support");
    // One handoff in the escalation channel, linking back to the thread.
    const handoffs = api.callsOf("chat.postMessage").filter((c) => c.body.channel === escalationChannel);
    expect(handoffs).toHaveLength(1);
    expect(JSON.stringify(handoffs[0]?.body.blocks)).toContain(`p${ts.replace(".", "")}`);
  });

  it("killed after the decision, before the answer reached Slack", async () => {
    api.failDeliveries({ kind: "timeout" }, ["chat.postMessage"]);
    const first = await replica();
    const { envelope, ts } = mention("fault 303-RSC");
    expect(await first.event(envelope)).toBe(200);
    await until(() => api.faulted > 0, "the answer's post");
    await first.kill();
    api.clearFault();
    const second = await replica();
    // The redelivery is a duplicate now: the answer was stored with the decision and goes out once.
    expect(await second.event(envelope, 1)).toBe(200);
    await until(() => answersIn(ts).length > 0, "the stored answer");
    await expectAnsweredOnce(ts);
  });

  it("killed while the answer was being retried (Slack answering 500)", async () => {
    api.failDeliveries({ kind: "500" }, ["chat.postMessage"]);
    const first = await replica();
    const { envelope, ts } = mention("fault 303-RSC");
    expect(await first.event(envelope)).toBe(200);
    await until(() => api.faulted >= 2, "a retry");
    await first.kill();
    api.clearFault();
    const second = await replica();
    expect(await second.event(envelope, 2)).toBe(200);
    await until(() => answersIn(ts).length > 0, "the stored answer");
    await expectAnsweredOnce(ts);
  });
});
