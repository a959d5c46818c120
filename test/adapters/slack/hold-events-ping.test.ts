import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { holdEventsWhileDatabaseDown } from "../../../adapters/slack/hold-events-while-database-down.ts";
import { InFlight } from "../../../adapters/slack/in-flight.ts";
import { silentLogger } from "../../../src/core/logger.ts";

/** A signed request as the guard hands it on: the body already read into rawBody. */
function eventRequest(eventId: string): IncomingMessage {
  const body = { type: "event_callback", event_id: eventId, event: { type: "app_mention", channel: "C1", ts: "1.1" } };
  return {
    headers: { "content-type": "application/json", "x-slack-retry-num": "1" },
    rawBody: Buffer.from(JSON.stringify(body)),
  } as unknown as IncomingMessage;
}

function response(): ServerResponse & { status?: number } {
  const res = {
    status: undefined as number | undefined,
    writeHead(status: number) {
      res.status = status;
      return res;
    },
    end() {
      return res;
    },
  };
  return res as unknown as ServerResponse & { status?: number };
}

/** A gate whose database ping the test settles by hand, counting the pings asked. */
function gate() {
  const pings: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const passed: string[] = [];
  const handle = holdEventsWhileDatabaseDown(
    {
      ping: () => new Promise<void>((resolve, reject) => pings.push({ resolve, reject })),
      client: {} as never,
      delivery: {} as never,
      logger: silentLogger,
      inFlight: new InFlight(),
      botUserId: "UBOT",
    },
    (req) => {
      passed.push(JSON.parse(String((req as unknown as { rawBody: Buffer }).rawBody)).event_id);
    },
  );
  return { pings, passed, handle };
}

describe("the Slack database gate's ping", () => {
  it("is shared by the events that arrive while it is under way, and asked again after it answered", async () => {
    const g = gate();
    const first = g.handle(eventRequest("E1"), response());
    const second = g.handle(eventRequest("E2"), response());
    expect(g.pings).toHaveLength(1);
    g.pings[0]!.resolve();
    await Promise.all([first, second]);
    expect(g.passed).toEqual(["E1", "E2"]);

    const third = g.handle(eventRequest("E3"), response());
    expect(g.pings).toHaveLength(2);
    g.pings[1]!.resolve();
    await third;
    expect(g.passed).toEqual(["E1", "E2", "E3"]);
  });

  it("answers 503 to every event that waited on a ping that failed, and the next event pings afresh", async () => {
    const g = gate();
    const a = response();
    const b = response();
    const waiting = [g.handle(eventRequest("E1"), a), g.handle(eventRequest("E2"), b)];
    g.pings[0]!.reject(new Error("database gone"));
    await Promise.all(waiting);
    expect([a.status, b.status]).toEqual([503, 503]);
    expect(g.passed).toEqual([]);

    const c = response();
    const next = g.handle(eventRequest("E3"), c);
    expect(g.pings).toHaveLength(2);
    g.pings[1]!.resolve();
    await next;
    expect(c.status).toBeUndefined();
    expect(g.passed).toEqual(["E3"]);
  });
});
