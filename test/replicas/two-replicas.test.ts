import type { Activity } from "botbuilder";
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
import { FakeConnector } from "../adapters/teams/fake-connector.ts";
import { buttonTitles, channelMessage, pressActivity, sue as teamsSue } from "../adapters/teams/teams-activities.ts";
import { buildCli } from "../fakes/built-cli.ts";
import { FakeTeamsService, type TeamsCall } from "../fakes/fake-teams-service.ts";
import { noneTwice, sendActivity, teamsEnv, teamsSupportChannel } from "../fakes/teams-replica.ts";
import { createTestDatabase } from "../pg/test-database.ts";

const server = inject("pgUrl");
if (!server) {
  console.warn(
    "two-replica test skipped: no PostgreSQL (set TEST_DATABASE_URL, or install Debian's postgresql package; CI runs .ci/postgres.sh)",
  );
}

const sue = { id: "USUE00001", username: "sue" };
const bob = { id: "UBOB00001", username: "bob" };
const teamsBob = {
  id: "29:3kB7nQ1wR5tY9uI2oP4aS6dF8gH0jK2lZ4xC6vB8nM0qW2eR4tY6uI8oP0aS2dF4gH6j",
  name: "Bob Ng (Support)",
  aadObjectId: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
};
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
 * the replica it chooses, as a load balancer would), talking to one fake Slack and one fake Teams on
 * loopback (issue 14's "Done when"). Teams activities are signed with the fake's key, which the children
 * trust through the test-only preload (test/fakes/route-microsoft-to-loopback.mjs).
 */
describe.skipIf(!server)("two replicas on one PostgreSQL database behave as one bot", { timeout: 60_000 }, () => {
  let api: FakeSlackApi;
  let teams: FakeTeamsService;
  let cli: Awaited<ReturnType<typeof buildCli>>;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let a: ServeProcess;
  let b: ServeProcess;
  const channel = "COPS00001";
  const thread = (ts: string) => api.callsOf("chat.postMessage").filter((c) => c.body.thread_ts === ts);
  const press = (on: ServeProcess, message: SeenMessage | undefined, label: string, user = sue) =>
    on.interact(pressPayload(api, message, label, { user }, ++seq));
  /** A Teams channel message mentioning cpbot, in a thread of its own. */
  const teamsQuestion = (text: string): Activity =>
    channelMessage(text, { conversationId: `19:7e1c9b2a@thread.tacv2;messageid=${1741078700000 + ++seq}` });
  const tell = (on: ServeProcess, activity: Activity) => sendActivity(on.url, teams, activity);
  const cardText = (call: TeamsCall | undefined) => (call ? FakeConnector.textOf(call) : "");

  beforeAll(async () => {
    api = new FakeSlackApi();
    api.members.set(escalationChannel, [sue.id, bob.id, "UCPBOT"]);
    await api.start();
    teams = await FakeTeamsService.start();
    teams.roster = [teamsSue, teamsBob];
    [cli, db] = await Promise.all([buildCli("replicas"), createTestDatabase(server)]);
    // Both platforms on each replica, as one deployment serves both behind one URL.
    const env = () => ({ ...slackEnv(api.apiUrl, db.url), ...teamsEnv(teams) });
    [a, b] = await Promise.all([ServeProcess.start(cli.main, env()), ServeProcess.start(cli.main, env())]);
    debug = () => (process.env.DEBUG_LOGS ? `\n${b.logs.join("").slice(-3000)}` : "");
  }, 120_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await api?.close();
    await teams?.close();
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
    for (let i = 0; i < 200 && claimed?.status !== "claimed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      claimed = await store.getEscalation(id);
    }
    const winner = claimed?.claimedBy?.name ?? claimed?.claimedBy?.id ?? "?";
    // The loser is told, by name, who has it; by then both presses are decided.
    await until(
      () =>
        said()
          .slice(before)
          .some((body) => /already/i.test(JSON.stringify(body)) && JSON.stringify(body).includes(winner)),
      "the loser's notice",
    );
    claimed = await store.getEscalation(id);
    await store.close();
    expect(claimed?.status).toBe("claimed");
    expect(claimed?.history.filter((h) => h.to === "claimed")).toHaveLength(1);
  });

  it("a Teams activity delivered to both replicas (the same activity id) is answered once", async () => {
    const question = teamsQuestion("fault 303-RSC");
    // The replicas check the channel's token for real: unsigned, it is refused.
    expect(await sendActivity(a.url, teams, question, { signed: false })).toBe(401);
    expect(await Promise.all([tell(a, question), tell(b, question)])).toEqual([200, 200]);
    const answers = () => teams.deliveredIn(question.conversation.id);
    await until(() => answers().length > 0, "the Teams answer");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(noneTwice(answers())).toBe(true);
    expect(answers().filter((c) => buttonTitles(c).includes("Start walkthrough"))).toHaveLength(1);
    expect(cardText(answers()[0])).toContain("303-RSC");
  });

  it("a Teams walkthrough card drawn by one replica, pressed on the other, continues from the stored state", async () => {
    const question = teamsQuestion("fault 303-RSC");
    const conversationId = question.conversation.id;
    const inThread = () => teams.deliveredIn(conversationId);
    const press = (call: TeamsCall | undefined, title: string) =>
      pressActivity(call, title, { messageId: call?.messageId ?? "", conversationId });
    expect(await tell(a, question)).toBe(200);
    const overview = inThread().find((c) => buttonTitles(c).includes("Start walkthrough"));
    expect(await tell(b, press(overview, "Start walkthrough"))).toBe(200);
    const step1 = inThread().at(-1);
    expect(cardText(step1)).toMatch(/Step 1 of \d+/);
    expect(await tell(a, press(step1, "Done"))).toBe(200);
    // Replica a found the walkthrough b started: the step card is replaced in place with step 2.
    const step2 = inThread().at(-1);
    expect(step2).toMatchObject({ kind: "update", activityId: step1?.messageId });
    expect(cardText(step2)).toMatch(/Step 2 of \d+/);
  });

  it("two Teams Claims at the same moment on different replicas: exactly one wins, the other is told who has it", async () => {
    const question = teamsQuestion("the relay is stuck closed on port 2");
    const conversationId = question.conversation.id;
    expect(await tell(a, question)).toBe(200);
    const answer = teams.deliveredIn(conversationId).find((c) => buttonTitles(c).includes("Escalate…"));
    const escalate = pressActivity(answer, "Escalate…", { messageId: answer?.messageId ?? "", conversationId });
    expect(await tell(b, escalate)).toBe(200);
    await until(() => teams.delivered().some((c) => c.kind === "create"), "the Teams handoff");
    const handoff = teams.delivered().find((c) => c.kind === "create");
    const rootId = handoff?.messageId ?? "";
    const supportThread = `${teamsSupportChannel};messageid=${rootId}`;
    const claim = (from: typeof teamsSue) =>
      pressActivity(handoff, "Claim", { messageId: rootId, conversationId: supportThread, from });
    const before = teams.calls.length;
    expect(await Promise.all([tell(a, claim(teamsSue)), tell(b, claim(teamsBob))])).toEqual([200, 200]);
    // Teams waits for each turn, so both presses are decided once both requests are answered.
    const store = await openPgStore(db.url, { migrate: false });
    // The handoff's message id is recorded once the post returns, a moment after the fake saw it.
    let id = "";
    for (let i = 0; i < 200 && !id; i++) {
      id = (await store.listEscalations()).find((e) => e.delivery.handoffMessageId === rootId)?.id ?? "";
      if (!id) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const claimed = await store.getEscalation(id);
    await store.close();
    // Posted once: the other replica's retry sweep skipped the handoff while it was being posted.
    const handoffs = teams.delivered().filter((c) => c.kind === "create" && FakeConnector.textOf(c).includes(id));
    expect(id).not.toBe("");
    expect(handoffs).toHaveLength(1);
    expect(claimed?.status).toBe("claimed");
    expect(claimed?.history.filter((h) => h.to === "claimed")).toHaveLength(1);
    const winner = claimed?.claimedBy?.name ?? "?";
    expect([teamsSue.name, teamsBob.name]).toContain(winner);
    // The loser is told, by name, who has it; the handoff card is redrawn as claimed once.
    const said = () => teams.delivered().filter((c) => teams.calls.indexOf(c) >= before);
    await until(
      () => said().some((c) => /already/i.test(FakeConnector.textOf(c)) && FakeConnector.textOf(c).includes(winner)),
      "the loser's notice in Teams",
    );
    const redrawn = said().filter((c) => c.kind === "update" && c.activityId === rootId);
    expect(redrawn).toHaveLength(1);
    expect(cardText(redrawn[0])).toContain("Claimed");
  });

  it("queued Slack and Teams replies are delivered once and none are left when a replica is killed with SIGKILL", async () => {
    const store = await openPgStore(db.url, { migrate: false });
    const total = async () => Object.values(await store.countDeliveries()).reduce((x, y) => x + y, 0);
    const rowsBefore = await total();
    api.failDeliveries({ kind: "timeout" }, ["chat.postMessage"]);
    teams.failDeliveries({ kind: "timeout" });
    const asked = [mention("fault 303-RSC"), mention("station offline"), mention("fault 304-RSO")];
    for (const { envelope } of asked) expect(await a.event(envelope)).toBe(200);
    // Teams waits for the turn, which waits on the hanging connector: the request dies with replica a.
    const question = teamsQuestion("fault 303-RSC");
    const cutOff = tell(a, question).then(
      (status) => `answered ${status}`,
      () => "connection lost",
    );
    // All four decided and queued by replica a (it is still trying to post them) before it dies.
    for (let i = 0; i < 400 && (await total()) < rowsBefore + 4; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await total()).toBe(rowsBefore + 4);
    await until(() => teams.faulted > 0, "the Teams reply's attempt");
    await a.kill();
    expect(await cutOff).toBe("connection lost");
    api.clearFault();
    teams.clearFault();
    // Replica b takes a's rows once their lease (2 s here) has run out; the Teams one as a proactive message.
    for (const { ts } of asked) await until(() => thread(ts).length > 0, `the answer in ${ts}`);
    const teamsAnswer = () => teams.deliveredIn(question.conversation.id);
    await until(() => teamsAnswer().length > 0, "the Teams answer from replica b");
    await new Promise((resolve) => setTimeout(resolve, 3000));
    for (const { ts } of asked) {
      const posts = thread(ts).map((c) => JSON.stringify(c.body.blocks));
      expect(new Set(posts).size).toBe(posts.length);
    }
    expect(noneTwice(teamsAnswer())).toBe(true);
    expect(teamsAnswer().filter((c) => buttonTitles(c).includes("Start walkthrough"))).toHaveLength(1);
    expect(teamsAnswer().every((c) => c.kind === "send")).toBe(true);
    const counts = await store.countDeliveries();
    await store.close();
    expect(counts).toMatchObject({ pending: 0, dead: 0 });
  });
});
