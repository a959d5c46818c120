import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/config-schema.ts";
import { settings } from "../../src/config/settings-schema.ts";
import { runCli } from "./cli-io.ts";

const appId = "9d5f3a0e-1c2b-4a6d-8e7f-0a1b2c3d4e5f";
const tenant = "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f";
const botToken = "xoxb-1111-2222-secretbottoken";
const signingSecret = "8f14e45fceea167a5a36dedd4bea2543";
const password = "Very~Secret.Password_42";
const slack = { SLACK_BOT_TOKEN: botToken, SLACK_SIGNING_SECRET: signingSecret, SLACK_ESCALATION_CHANNEL: "C0123ABCD" };

const check = (env: Record<string, string>) => runCli(["config", "check"], { env });

describe("cpbot config check", () => {
  it("shows every setting's effective value, secrets hidden, and exits 0 when both platforms are complete", async () => {
    const { status, out } = await check({
      ...slack,
      MicrosoftAppId: appId,
      MicrosoftAppPassword: password,
      MicrosoftAppTenantId: tenant,
      PORT: "8080",
    });
    expect(status).toBe(0);
    expect(out).toContain("Slack: on (HTTP)");
    expect(out).toContain("Microsoft Teams: on (SingleTenant)");
    expect(out).toMatch(/PORT\s+8080\n/);
    expect(out).toMatch(/DATABASE_URL\s+\.\/data\/cpbot\.db \(default\)/);
    expect(out).toMatch(/SLACK_BOT_TOKEN\s+\(set, hidden\)/);
    expect(out).toMatch(/MicrosoftAppId\s+9d5f3a0e/);
    expect(out).toContain("No problems.");
    for (const secret of [botToken, signingSecret, password]) expect(out).not.toContain(secret);
    for (const name of Object.keys(settings)) expect(out).toContain(name);
  });

  it("calls a partly configured Slack a problem, counting an empty value as unset, and exits 1", async () => {
    const { status, out } = await check({ SLACK_BOT_TOKEN: "", SLACK_SIGNING_SECRET: signingSecret });
    expect(status).toBe(1);
    expect(out).toContain("Slack: PROBLEM: partly configured");
    expect(out).toContain("SLACK_SIGNING_SECRET set but SLACK_BOT_TOKEN is not");
    expect(out).not.toContain(signingSecret);
  });

  it("lists what is missing for Slack and for Teams with the fix, SingleTenant needing a tenant", async () => {
    const { status, out } = await check({
      SLACK_BOT_TOKEN: botToken,
      MicrosoftAppId: appId,
      MicrosoftAppPassword: password,
    });
    expect(status).toBe(1);
    expect(out).toContain("Slack: SLACK_ESCALATION_CHANNEL is not set");
    expect(out).toContain("Slack: SLACK_SIGNING_SECRET is not set");
    expect(out).toContain("Teams: MicrosoftAppTenantId is required for MicrosoftAppType SingleTenant");
    expect(out).not.toContain(botToken);
    expect(out).not.toContain(password);
  });

  it("accepts an existing bot's explicit MultiTenant, and a Teams password without an app id is a problem", async () => {
    const multi = await check({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: password,
      MicrosoftAppType: "MultiTenant",
    });
    expect(multi.status).toBe(0);
    expect(multi.out).toContain("Microsoft Teams: on (MultiTenant)");
    const partial = await check({ MicrosoftAppPassword: password });
    expect(partial.status).toBe(1);
    expect(partial.out).toContain("MicrosoftAppId is missing");
  });

  it("with nothing configured says serve runs the Emulator on loopback, and reports a bad core setting", async () => {
    const empty = await check({});
    expect(empty.status).toBe(0);
    expect(empty.out).toContain("Bot Framework Emulator mode: unauthenticated, on 127.0.0.1 only");
    const bad = await check({ PORT: "http", SHUTDOWN_GRACE_MS: "-1", ESCALATION_REMIND_AFTER: "half an hour" });
    expect(bad.status).toBe(1);
    expect(bad.out).toContain("PORT must be a whole number");
    expect(bad.out).toContain("SHUTDOWN_GRACE_MS must be 0 or more");
    expect(bad.out).toContain(
      'ESCALATION_REMIND_AFTER = "half an hour": ESCALATION_REMIND_AFTER must be a duration such as 90s, 30m or 2h',
    );
  });

  it("refuses anything but `check`", async () => {
    const { status, err } = await runCli(["config", "show"]);
    expect(status).toBe(2);
    expect(err).toContain('expected "check", got "show"');
  });
});

describe(".env.example", () => {
  it("lists exactly the settings of the one settings schema", () => {
    const example = readFileSync(path.resolve(import.meta.dirname, "../../.env.example"), "utf8");
    const names = [...example.matchAll(/^([A-Za-z_]+)=/gm)].map((m) => m[1]);
    expect(names.sort()).toEqual(Object.keys(settings).sort());
  });

  it("and the settings schema covers every core setting", () => {
    for (const name of Object.keys(ConfigSchema.shape)) expect(Object.keys(settings)).toContain(name);
  });
});
