import { unlinkSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { SlackHarness } from "../slack/slack-harness.ts";

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

describe("cpbot serve when its database file is deleted under it", () => {
  it("/healthz and /readyz go 503 on the next probe, and no answer pretends to have saved anything", async () => {
    h = await SlackHarness.start();
    const health = async (path: string) => (await fetch(`${h.server.url}${path}`)).status;
    expect(await health("/healthz")).toBe(200);
    expect(await health("/readyz")).toBe(200);

    unlinkSync(String((h.server.store as unknown as { file: string }).file));
    expect(await health("/healthz")).toBe(503);
    expect(await health("/readyz")).toBe(503);
    expect(h.logs.join("\n")).toContain("was deleted while cpbot had it open");

    // The event is refused with 503 so Slack delivers it again once the database is back, and the person
    // is told so; nothing is claimed as saved.
    const { envelope } = h.mention("the relay is stuck closed on port 2");
    expect((await h.event(envelope)).status).toBe(503);
    expect(h.api.everythingSent()).toContain(
      "cpbot cannot reach its database for the moment. Nothing you sent is lost",
    );
    expect(h.api.everythingSent()).not.toContain("Escalated");
  });
});
