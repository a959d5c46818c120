import { describe, expect, it } from "vitest";
import { hasSlackCredentials, loadSlackConfig } from "../../../adapters/slack/slack-config.ts";
import { BotError } from "../../../src/core/bot-error.ts";

const valid = {
  SLACK_BOT_TOKEN: "xoxb-1111-2222-secretbotvalue",
  SLACK_SIGNING_SECRET: "8f742231b10e8888abc8d99efab4a85a",
  SLACK_ESCALATION_CHANNEL: "C0123ABCD",
};

function problems(env: Record<string, string>): string {
  try {
    loadSlackConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).code).toBe("config_invalid");
    return (error as Error).message;
  }
  throw new Error("expected the settings to be refused");
}

describe("Slack settings", () => {
  it("reads HTTP mode with a signing secret, and Socket Mode with an app token", () => {
    expect(loadSlackConfig(valid)).toEqual({
      botToken: valid.SLACK_BOT_TOKEN,
      signingSecret: valid.SLACK_SIGNING_SECRET,
      mode: "http",
      escalationChannel: "C0123ABCD",
      command: "/cp",
    });
    const socket = loadSlackConfig({ ...valid, SLACK_SIGNING_SECRET: "", SLACK_APP_TOKEN: "xapp-1-A111-222-abc" });
    expect(socket.mode).toBe("socket");
    expect(socket.signingSecret).toBeUndefined();
  });

  it("adds the trailing slash the WebClient needs to SLACK_API_URL", () => {
    expect(loadSlackConfig({ ...valid, SLACK_API_URL: "http://127.0.0.1:9000/api" }).apiUrl).toBe(
      "http://127.0.0.1:9000/api/",
    );
  });

  it("is on only when SLACK_BOT_TOKEN is set", () => {
    expect(hasSlackCredentials({})).toBe(false);
    expect(hasSlackCredentials({ SLACK_BOT_TOKEN: "  " })).toBe(false);
    expect(hasSlackCredentials({ SLACK_BOT_TOKEN: "xoxb-1" })).toBe(true);
  });

  it("lists every problem at once, each with how to fix it", () => {
    const message = problems({
      SLACK_BOT_TOKEN: "xoxp-user-token-value",
      SLACK_ESCALATION_CHANNEL: "#support",
      SLACK_API_URL: "ftp://example.com",
    });
    expect(message).toContain("4 problems");
    expect(message).toContain("SLACK_BOT_TOKEN is a user token (xoxp-)");
    expect(message).toContain("OAuth & Permissions");
    expect(message).toContain("SLACK_ESCALATION_CHANNEL must be a channel ID, not a name");
    expect(message).toContain('(given: "#support")');
    expect(message).toContain("SLACK_API_URL must be an http(s) URL");
    expect(message).toContain("SLACK_SIGNING_SECRET is not set");
    expect(message).toContain("Basic Information → App Credentials");
  });

  it("says which token was pasted where, and never repeats a token or secret", () => {
    const message = problems({
      SLACK_BOT_TOKEN: "xapp-1-A111-222-appsecretvalue",
      SLACK_APP_TOKEN: "xoxb-3333-botsecretvalue",
      SLACK_SIGNING_SECRET: "has a space-secretvalue",
    });
    expect(message).toContain("an app-level token (xapp-), which belongs in SLACK_APP_TOKEN");
    expect(message).toContain("SLACK_APP_TOKEN is not an app-level token");
    expect(message).toContain("SLACK_SIGNING_SECRET contains spaces");
    expect(message).toContain("SLACK_ESCALATION_CHANNEL is not set");
    expect(message).not.toMatch(/secretvalue/);
  });
});
