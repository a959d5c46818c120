import { afterEach, describe, expect, inject, it } from "vitest";
import type { ChartData } from "../../../src/analytics/chart-data.ts";
import { createTestDatabase } from "../../pg/test-database.ts";
import { type ConsoleHarness, nextEventId, startConsole, submitButtons } from "./console-harness.ts";
import { seedAnalytics } from "./seed-analytics.ts";

const server = inject("pgUrl");

let h: ConsoleHarness | undefined;
let drop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await h?.close();
  await drop?.();
  h = drop = undefined;
});

// The console reads analytics and escalations through the asynchronous Store, so on PostgreSQL it shows
// exactly what it shows on SQLite (console-server.test.ts has the same figures for the in-memory store).
describe.skipIf(!server)("the web console on PostgreSQL", () => {
  it("analytics charts and the escalation queue come from PostgreSQL; an escalation made in the playground shows up", async () => {
    const db = await createTestDatabase(server);
    drop = db.drop;
    h = await startConsole({ databaseUrl: db.url });
    await seedAnalytics(h.running.store, new Date());
    const data = (await (await fetch(`${h.url}/console/api/analytics`)).json()) as ChartData;
    expect(data.perDay.map((d) => d.questions)).toEqual([1, 1, 3]);
    expect(data.outcomes).toEqual({ matched: 2, didYouMean: 1, unmatched: 2 });
    expect(data.topPlaybooks).toEqual([{ playbook: "relay-stuck-closed", questions: 2 }]);
    expect(data.timeToClaim).toEqual({ count: 1, medianMinutes: 30, meanMinutes: 30 });
    expect(data.timeToResolve).toEqual({ count: 1, medianMinutes: 120, meanMinutes: 120 });
    const analytics = await fetch(`${h.url}/console/analytics`);
    expect(analytics.status).toBe(200);

    const thread = "tab-pg-1";
    const asked = await h.turn({
      kind: "message",
      thread,
      eventId: nextEventId(),
      text: "station shows fault 303-RSC",
    });
    const press = (card: { messageId: string }, title: (t: string) => boolean) => {
      const button = submitButtons(card as Parameters<typeof submitButtons>[0]).find((b) => title(b.title))!;
      return h!.turn({
        kind: "action",
        thread,
        eventId: nextEventId(),
        action: button.action,
        ...(button.value !== undefined ? { value: button.value } : {}),
        messageId: card.messageId,
      });
    };
    const step = (await press(asked.cards[0]!, (t) => t === "Start walkthrough")).cards[0]!;
    const escalated = await press(step, (t) => t.startsWith("Escalate"));
    const stored = await h.running.store.listEscalations({ status: ["open"] });
    expect(stored).toHaveLength(1);
    expect(escalated.cards.map((c) => c.title).join(" ")).toContain(stored[0]!.id);

    const queue = await (await fetch(`${h.url}/console/escalations`)).text();
    expect(queue).toContain("Open (1)");
    expect(queue).toContain("Resolved (1)");
    expect(queue).toContain(stored[0]!.id);
  }, 60_000);
});
