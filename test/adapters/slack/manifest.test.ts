import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { slackEventsPath } from "../../../adapters/slack/create-slack-adapter.ts";
import { SlackConfigSchema } from "../../../adapters/slack/slack-config.ts";
import { ConfigSchema } from "../../../src/config/config-schema.ts";

const root = join(import.meta.dirname, "../../..");

interface Manifest {
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; url: string; usage_hint: string; should_escape: boolean }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(join(root, "slack/manifest.yml"), "utf8")) as Manifest;

describe("slack/manifest.yml", () => {
  it("sends events, /cp and interactivity to the path cpbot serves", () => {
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((c) => c.url),
    ];
    for (const url of urls) expect(new URL(url).pathname).toBe(slackEventsPath);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it("turns the Home tab on (published on app_home_opened) and keeps the Messages tab", () => {
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true });
  });

  it("declares /cp with a usage hint and unescaped text", () => {
    const [cp, ...others] = manifest.features.slash_commands;
    expect(others).toEqual([]);
    expect(cp).toMatchObject({ command: "/cp", should_escape: false });
    expect(cp?.usage_hint).toContain("fault 303-RSC");
  });

  it("subscribes to the events cpbot handles and asks for exactly the scopes they need", () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(
      ["app_home_opened", "app_mention", "message.channels", "message.groups", "message.im"].sort(),
    );
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      [
        "app_mentions:read",
        "channels:history",
        "channels:read",
        "chat:write",
        "commands",
        "groups:history",
        "groups:read",
        "im:history",
      ].sort(),
    );
  });
});

describe(".env.example", () => {
  const example = readFileSync(join(root, ".env.example"), "utf8");
  const names = new Set([...example.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1]));

  it("lists every core and Slack setting", () => {
    for (const key of [...Object.keys(ConfigSchema.shape), ...Object.keys(SlackConfigSchema.shape), "HOST"]) {
      expect(names, key).toContain(key);
    }
  });

  it("lists the Teams settings and holds no value that looks like a secret", () => {
    for (const key of ["MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppType", "MicrosoftAppTenantId"]) {
      expect(names, key).toContain(key);
    }
    expect(names).toContain("TEAMS_ESCALATION_CONVERSATION");
    expect(example).not.toMatch(/=\s*(xox[bp]-|xapp-)\S/);
    expect(example).toMatch(/^SLACK_BOT_TOKEN=$/m);
    expect(example).toMatch(/^MicrosoftAppPassword=$/m);
  });
});
