import { createHmac } from "node:crypto";

/** What a load run sends: a slash command or an app_mention event. */
export type LoadKind = "command" | "mention";

export const benchSigningSecret = "bench-signing-secret-0123456789";
export const benchChannel = "C0BENCH002";
/** Load comes from this many people, so per-person state is spread as it is in a real channel. */
const people = 100;

/** Slack's request signature: v0= + HMAC-SHA256(secret, "v0:" + timestamp + ":" + body). */
export function slackSignature(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/**
 * The n-th request of a run, signed now: `/cp fault 303-RSC` as Slack posts it (form fields, a fresh
 * trigger_id) or an app_mention envelope (a fresh event_id and ts, so each opens its own thread).
 */
export function signedSlackRequest(
  kind: LoadKind,
  n: number,
  responseUrl: string,
): { body: string; headers: Record<string, string> } {
  const user = `U0BENCH${String(n % people).padStart(3, "0")}`;
  const body =
    kind === "command"
      ? new URLSearchParams({
          token: "unused",
          team_id: "T0BENCH",
          team_domain: "bench",
          channel_id: benchChannel,
          channel_name: "bench",
          user_id: user,
          user_name: `person${n % people}`,
          command: "/cp",
          text: "fault 303-RSC",
          api_app_id: "A0BENCH",
          response_url: responseUrl,
          trigger_id: `${n}.${Date.now()}.bench`,
        }).toString()
      : JSON.stringify({
          token: "unused",
          team_id: "T0BENCH",
          api_app_id: "A0BENCH",
          type: "event_callback",
          event_id: `Ev0BENCH${n}x${Date.now()}`,
          event_time: Math.floor(Date.now() / 1000),
          event: {
            type: "app_mention",
            user,
            text: "<@UCPBOT> fault 303-RSC",
            ts: `${1700000000 + n}.${String(n % 1_000_000).padStart(6, "0")}`,
            channel: benchChannel,
            event_ts: `${1700000000 + n}.000000`,
          },
        });
  const timestamp = String(Math.floor(Date.now() / 1000));
  return {
    body,
    headers: {
      "content-type": kind === "command" ? "application/x-www-form-urlencoded" : "application/json",
      "x-slack-request-timestamp": timestamp,
      "x-slack-signature": slackSignature(benchSigningSecret, timestamp, body),
    },
  };
}

/**
 * The baseline: a bare Bolt app doing the same work with nothing behind it. It acknowledges the slash
 * command with a static 4-block reply (the size of cpbot's answer-first overview) and answers a mention in
 * its thread with the same 4 blocks through chat.postMessage, to the same loopback Web API.
 */
export const bareBoltLoadApp = `
import bolt from "@slack/bolt";
const blocks = [
  { type: "section", text: { type: "mrkdwn", text: "*303-RSC: Reader Stuck Card* The card reader reports a card that stays in the slot." } },
  { type: "section", text: { type: "mrkdwn", text: "1. Ask the driver to remove the card. 2. Get Latest Status. 3. Reset the station if it stays." } },
  { type: "context", elements: [{ type: "mrkdwn", text: "Guide: Station Faults, lines 100-120" }] },
  { type: "actions", elements: [
    { type: "button", action_id: "start", text: { type: "plain_text", text: "Start walkthrough" }, value: "start" },
    { type: "button", action_id: "all", text: { type: "plain_text", text: "Show all steps" }, value: "all" },
    { type: "button", action_id: "esc", text: { type: "plain_text", text: "Escalate…" }, value: "esc" },
  ] },
];
const receiver = new bolt.HTTPReceiver({ signingSecret: process.env.SIGNING_SECRET, endpoints: ["/slack/events"],
  customRoutes: [{ path: "/healthz", method: ["GET"], handler: (_q, r) => { r.writeHead(200); r.end("ok"); } }] });
const app = new bolt.App({ token: "xoxb-bench", botId: "BCPBOT", botUserId: "UCPBOT", receiver,
  logLevel: bolt.LogLevel.ERROR, clientOptions: { slackApiUrl: process.env.SLACK_API_URL, retryConfig: { retries: 0 } } });
app.command(/.*/, async ({ ack }) => { await ack({ response_type: "ephemeral", text: "303-RSC", blocks }); });
app.event("app_mention", async ({ event, say }) => { await say({ text: "303-RSC", blocks, thread_ts: event.ts }); });
await app.start(Number(process.env.PORT));
process.on("SIGTERM", () => process.exit(0));
`;
