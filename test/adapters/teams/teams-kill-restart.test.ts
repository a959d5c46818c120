import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Activity } from "botbuilder";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../../src/store/sqlite-store.ts";
import { buildCli } from "../../fakes/built-cli.ts";
import { FakeTeamsService } from "../../fakes/fake-teams-service.ts";
import { noneTwice, sendActivity, teamsEnv } from "../../fakes/teams-replica.ts";
import { ServeProcess, waitFor } from "../slack/serve-process.ts";
import { FakeConnector } from "./fake-connector.ts";
import { buttonTitles, channelMessage } from "./teams-activities.ts";

let teams: FakeTeamsService;
let cli: Awaited<ReturnType<typeof buildCli>>;
let database: string;
const running: ServeProcess[] = [];

beforeAll(async () => {
  cli = await buildCli("teams-kill");
}, 120_000);
afterAll(() => cli.remove());

beforeEach(async () => {
  teams = await FakeTeamsService.start();
  database = join(mkdtempSync(join(tmpdir(), "cpbot-teams-kill-")), "cpbot.db");
});
afterEach(async () => {
  for (const p of running.splice(0)) await p.stop();
  await teams.close();
});

async function replica(): Promise<ServeProcess> {
  const p = await ServeProcess.start(cli.main, { DATABASE_URL: database, ...teamsEnv(teams) });
  running.push(p);
  return p;
}

const until = (done: () => boolean, what: string, ms?: number) => waitFor(done, what, running, ms);

let seq = 0;
function question(): Activity {
  return channelMessage("fault 303-RSC", {
    conversationId: `19:7e1c9b2a@thread.tacv2;messageid=${1741078700000 + Math.floor(Math.random() * 1e6) + ++seq}`,
  });
}

/** Sends without waiting: the request is expected to die with the replica. */
function sendAndLose(to: ServeProcess, activity: Activity): Promise<string> {
  return sendActivity(to.url, teams, activity).then(
    (status) => `answered ${status}`,
    () => "connection lost",
  );
}

/** Exactly one answer reached the connector and stays single after every lease has run out. */
async function expectAnsweredOnce(activity: Activity): Promise<void> {
  const answers = () => teams.deliveredIn(activity.conversation.id);
  await until(() => answers().length > 0, "the answer");
  await new Promise((resolve) => setTimeout(resolve, 3000));
  expect(noneTwice(answers())).toBe(true);
  expect(answers().filter((c) => buttonTitles(c).includes("Start walkthrough"))).toHaveLength(1);
  expect(FakeConnector.textOf(answers()[0] ?? { method: "POST", conversationId: "", body: {}, at: 0 })).toContain(
    "303-RSC",
  );
  const store = openSqliteStore(database, { mustExist: true });
  expect(await store.countDeliveries()).toMatchObject({ pending: 0, dead: 0 });
  await store.close();
}

/**
 * kill -9 of `cpbot serve` at each stage of answering a Teams message, then a restart on the same database.
 * Teams has no redelivery like Slack's X-Slack-Retry-Num: the killed request simply fails, and Teams may
 * or may not send the activity again (same activity id). Each test sends it again after the restart, which
 * must neither lose the answer nor post it twice (issue 15, for Teams).
 */
describe("Teams: kill -9 while answering, restart: exactly one answer", { timeout: 120_000 }, () => {
  it("killed before the decision (waiting for the channel's signing keys): the activity is sent again and answered once", async () => {
    teams.failDeliveries({ kind: "timeout" }, ["keys"]);
    const first = await replica();
    const activity = question();
    const lost = sendAndLose(first, activity);
    await until(() => teams.faulted > 0, "the signing-key request");
    await first.kill();
    expect(await lost).toBe("connection lost");
    teams.clearFault();
    expect(teams.deliveredIn(activity.conversation.id)).toEqual([]);
    const second = await replica();
    // Nothing was stored for it, so nothing is answered unless the activity comes again.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(teams.deliveredIn(activity.conversation.id)).toEqual([]);
    expect(await sendActivity(second.url, teams, activity)).toBe(200);
    await expectAnsweredOnce(activity);
  });

  it("killed after the decision, before the answer reached Teams: the restarted replica delivers it", async () => {
    teams.failDeliveries({ kind: "timeout" });
    const first = await replica();
    const activity = question();
    const lost = sendAndLose(first, activity);
    await until(() => teams.faulted > 0, "the answer's post");
    await first.kill();
    expect(await lost).toBe("connection lost");
    teams.clearFault();
    const second = await replica();
    // Teams sending the activity again is a duplicate now: the answer was stored with the decision.
    expect(await sendActivity(second.url, teams, activity)).toBe(200);
    await expectAnsweredOnce(activity);
    // It went out from the outbox, as a proactive message into the thread.
    expect(teams.deliveredIn(activity.conversation.id).every((c) => c.kind === "send")).toBe(true);
  });

  it("killed while the answer was being retried (the connector answering 500), then the connector recovers", async () => {
    teams.failDeliveries({ kind: "500" });
    const first = await replica();
    const activity = question();
    const lost = sendAndLose(first, activity);
    await until(() => teams.faulted >= 2, "a retry");
    await first.kill();
    expect(await lost).toBe("connection lost");
    teams.clearFault();
    const second = await replica();
    expect(await sendActivity(second.url, teams, activity)).toBe(200);
    await expectAnsweredOnce(activity);
  });
});
