import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Activity } from "botbuilder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../../src/store/sqlite-store.ts";
import { buildCli } from "../../fakes/built-cli.ts";
import { FakeTeamsService, type TeamsFault } from "../../fakes/fake-teams-service.ts";
import { noneTwice, sendActivity, teamsEnv } from "../../fakes/teams-replica.ts";
import { ServeProcess } from "../slack/serve-process.ts";
import { buttonTitles, channelMessage } from "./teams-activities.ts";

let teams: FakeTeamsService;
let cli: Awaited<ReturnType<typeof buildCli>>;
let replica: ServeProcess;
let database: string;

// One `cpbot serve` child for every fault: the faults are the connector's, the replica stays the same.
beforeAll(async () => {
  teams = await FakeTeamsService.start();
  cli = await buildCli("teams-faults");
  database = join(mkdtempSync(join(tmpdir(), "cpbot-teams-faults-")), "cpbot.db");
  replica = await ServeProcess.start(cli.main, { DATABASE_URL: database, ...teamsEnv(teams) });
}, 120_000);
afterAll(async () => {
  await replica?.stop();
  await teams?.close();
  cli?.remove();
});

async function until(done: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}:\n${replica.logs.join("").slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let seq = 0;
const question = (): Activity =>
  channelMessage("fault 303-RSC", { conversationId: `19:7e1c9b2a@thread.tacv2;messageid=${1741078600000 + ++seq}` });

/** The answer reached Teams once; the same activity sent again (Teams' retry) adds nothing; no row is left. */
async function expectAnsweredOnce(activity: Activity): Promise<void> {
  const answers = () => teams.deliveredIn(activity.conversation.id);
  await until(() => answers().length > 0, "the answer");
  expect(await sendActivity(replica.url, teams, activity)).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(noneTwice(answers())).toBe(true);
  expect(answers().filter((c) => buttonTitles(c).includes("Start walkthrough"))).toHaveLength(1);
  const store = openSqliteStore(database, { mustExist: true });
  expect(await store.countDeliveries()).toMatchObject({ pending: 0, dead: 0 });
  await store.close();
}

const faults: [string, TeamsFault][] = [
  ["500", { kind: "500" }],
  ["429 with Retry-After", { kind: "429", retryAfterSeconds: 1 }],
  ["a timeout", { kind: "timeout" }],
  ["a connection reset", { kind: "reset" }],
];

describe("Teams connector failing: every answer arrives exactly once after the fault clears", {
  timeout: 60_000,
}, () => {
  for (const [name, fault] of faults) {
    it(`the connector answering ${name} while the turn replies`, async () => {
      teams.failDeliveries(fault);
      const before = teams.faulted;
      const activity = question();
      const answered = sendActivity(replica.url, teams, activity);
      // A retry seen (a hanging request is one attempt that never ends), then the connector recovers.
      await until(() => teams.faulted >= before + (fault.kind === "timeout" ? 1 : 2), "a failed attempt");
      expect(teams.deliveredIn(activity.conversation.id)).toEqual([]);
      teams.clearFault();
      expect(await answered).toBe(200);
      await expectAnsweredOnce(activity);
    });
  }

  it("the connector failing until the turn gives up: the outbox sends the answer later, as a proactive message", async () => {
    teams.failDeliveries({ kind: "500" });
    const activity = question();
    // The turn's own attempts all fail; Teams still gets 200, since the answer is queued, not lost.
    expect(await sendActivity(replica.url, teams, activity)).toBe(200);
    expect(teams.deliveredIn(activity.conversation.id)).toEqual([]);
    teams.clearFault();
    await expectAnsweredOnce(activity);
    expect(teams.deliveredIn(activity.conversation.id).every((c) => c.kind === "send")).toBe(true);
  });
});
