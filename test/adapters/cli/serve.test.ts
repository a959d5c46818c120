import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { serve } from "../../../adapters/cli/commands/serve.ts";
import { slackPlatform } from "../../../adapters/slack/slack-platform.ts";
import { fakeIO } from "../../cli/cli-io.ts";
import { FakeSlackApi } from "../slack/fake-slack-api.ts";
import { botToken, escalationChannel, signingSecret } from "../slack/slack-harness.ts";

let api: FakeSlackApi;
beforeEach(async () => {
  api = new FakeSlackApi();
  await api.start();
});
afterEach(async () => {
  await api.close();
});

const slackEnv = () => ({
  SLACK_BOT_TOKEN: botToken,
  SLACK_SIGNING_SECRET: signingSecret,
  SLACK_ESCALATION_CHANNEL: escalationChannel,
  SLACK_API_URL: api.apiUrl,
  // The start-up banner is logged at info, like every other line.
  LOG_LEVEL: "info",
});
const platforms = () => [slackPlatform({ clientOptions: { retryConfig: { retries: 0 } } })];

/** Runs serve until `stop` is called; resolves with the exit status. */
function run(args: string[], env: Record<string, string>) {
  const { io, stderr } = fakeIO("", env);
  let stop: (signal: string) => void = () => {};
  const stopped = new Promise<string>((resolve) => {
    stop = resolve;
  });
  const status = serve(args, io, () => stopped, platforms());
  return { status, stderr, stop };
}

async function untilListening(stderr: () => string, status: Promise<number>): Promise<string> {
  for (;;) {
    const url = /listening on (http:\/\/\S+)/.exec(stderr())?.[1];
    if (url) return url;
    const done = await Promise.race([status, new Promise((r) => setImmediate(r, "waiting"))]);
    if (done !== "waiting") throw new Error(`serve ended: ${stderr()}`);
  }
}

describe("cpbot serve", () => {
  it("starts Slack on one HTTP server, says what runs where, answers /healthz, and stops gracefully", async () => {
    const { status, stderr, stop } = run(["--port", "0", "--host", "127.0.0.1"], slackEnv());
    const url = await untilListening(stderr, status);
    expect(stderr()).toContain("Slack (HTTP) as @cpbot (UCPBOT) in Acme: POST /slack/events");
    expect(stderr()).toContain(`escalations to channel ${escalationChannel}`);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", platforms: ["slack"], pendingEscalations: 0 });
    expect((await fetch(`${url}/nothing`)).status).toBe(404);
    stop("SIGTERM");
    expect(await status).toBe(0);
    expect(stderr()).toContain("cpbot serve: stopped.");
    expect(stderr()).not.toContain(botToken);
    expect(stderr()).not.toContain(signingSecret);
  });

  it("refuses to start on bad Slack settings, naming each fix and no secret", async () => {
    const { status, stderr } = run(["--port", "0"], {
      ...slackEnv(),
      SLACK_ESCALATION_CHANNEL: "",
      SLACK_SIGNING_SECRET: "",
    });
    expect(await status).toBe(1);
    expect(stderr()).toContain("cpbot serve: cannot start.");
    expect(stderr()).toContain("SLACK_ESCALATION_CHANNEL is not set");
    expect(stderr()).toContain("SLACK_SIGNING_SECRET is not set");
    expect(stderr()).not.toContain(botToken);
  });

  it("refuses to start when Slack rejects the bot token", async () => {
    api.answerNext("auth.test", { ok: false, error: "invalid_auth" });
    const { status, stderr } = run(["--port", "0"], slackEnv());
    expect(await status).toBe(1);
    expect(stderr()).toContain("Slack rejected the bot token at start-up");
    expect(stderr()).toContain("invalid_auth");
    expect(stderr()).not.toContain(botToken);
  });

  it("refuses to start with a broken playbook and shows the lint report", async () => {
    const { status, stderr } = run(["--port", "0", "--playbooks", "test/fixtures/playbooks/missing-field"], slackEnv());
    expect(await status).toBe(1);
    expect(stderr()).toContain("The playbooks have problems");
    expect(stderr()).toContain("alpha.yaml");
    expect(api.calls).toEqual([]);
  });

  it("refuses a bad core setting before touching Slack", async () => {
    const { status, stderr } = run([], { ...slackEnv(), PORT: "http" });
    expect(await status).toBe(1);
    expect(stderr()).toContain("PORT must be a whole number");
    expect(api.calls).toEqual([]);
  });

  it("explains a bad --port", async () => {
    const { status, stderr } = run(["--port", "99999"], slackEnv());
    expect(await status).toBe(2);
    expect(stderr()).toContain("--port must be a whole number from 0 to 65535");
  });
});
