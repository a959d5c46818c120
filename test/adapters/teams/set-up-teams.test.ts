import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { setUpTeams } from "../../../adapters/teams/set-up-teams.ts";
import { teamsEscalationAlias } from "../../../adapters/teams/teams-transport.ts";
import { createLogger } from "../../../src/core/logger.ts";
import { openSqliteStore, type SqliteStore } from "../../../src/store/sqlite-store.ts";
import { appId, appPassword } from "./teams-harness.ts";

let store: SqliteStore;
afterEach(() => store?.close());

function setUp(env: Record<string, string>, othersConfigured: boolean, requestedHost?: string) {
  store = openSqliteStore(join(mkdtempSync(join(tmpdir(), "cpbot-teams-setup-")), "cpbot.db"));
  const lines: string[] = [];
  const logger = createLogger({ level: "info", write: (line) => lines.push(line) });
  const service = setUpTeams({ env, store, logger, othersConfigured, ...(requestedHost ? { requestedHost } : {}) });
  return { service, log: lines.join("\n") };
}

describe("Teams in cpbot serve", () => {
  it("stays off without an app id when Slack is configured", () => {
    expect(setUp({}, true).service).toBeUndefined();
  });

  it("runs alone in Emulator mode on 127.0.0.1, saying so loudly", () => {
    const { service, log } = setUp({}, false);
    expect(service?.host).toBe("127.0.0.1");
    expect(service?.summary).toContain("UNAUTHENTICATED");
    expect(log).toContain('"level":"warn"');
    expect(log).toContain("TEAMS ENDPOINT UNAUTHENTICATED");
    expect(service?.escalationDestination).toBe(teamsEscalationAlias);
    expect(() => setUp({}, false, "0.0.0.0")).toThrow(/HOST is "0.0.0.0"/);
  });

  it("runs authenticated with an app id on any address, and never logs the password", () => {
    const { service, log } = setUp(
      { MicrosoftAppId: appId, MicrosoftAppPassword: appPassword, MicrosoftAppType: "MultiTenant" },
      true,
      "0.0.0.0",
    );
    expect(service?.host).toBe("0.0.0.0");
    expect(service?.summary).toContain(appId);
    expect(`${log}${service?.summary}`).not.toContain(appPassword);
  });
});
