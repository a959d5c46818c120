import type { CliCommand, CliIO } from "../command.ts";

const usage = `Usage: cpbot run [options]

What "npm start" runs: the server (cpbot serve). With Slack or Teams credentials in the environment it
serves them; with none it listens on 127.0.0.1 (unless HOST or --host says otherwise) and prints the
web console's address, where the bot can be tried with real cards. The terminal chat is cpbot chat.
Says on stderr what it found. Options are passed on to cpbot serve (see cpbot serve --help).

Credentials looked for (values are never printed):
  Slack   SLACK_BOT_TOKEN
  Teams   MicrosoftAppId (or MICROSOFT_APP_ID)

A bad setting, a broken playbook or an unusable database stops start-up with the full report (exit 1).`;

const isSet = (value: string | undefined) => value !== undefined && value.trim() !== "";

/** The credentials present, by variable name only. */
export function platformCredentials(env: Record<string, string | undefined>): string[] {
  return ["SLACK_BOT_TOKEN", "MicrosoftAppId", "MICROSOFT_APP_ID"].filter((name) => isSet(env[name]));
}

export const command: CliCommand = {
  name: "run",
  summary: "Start the bot: the server for Slack/Teams, or with no credentials the web console on 127.0.0.1",
  usage,
  run: (args, io) => run(args, io),
};

/** `cpbot run`; `stopWhen` ends the server (SIGINT/SIGTERM by default; tests pass their own). */
export async function run(args: string[], io: CliIO, stopWhen?: () => Promise<string>): Promise<number> {
  const found = platformCredentials(io.env);
  const { serve, shutdownSignal } = await import("./serve.ts");
  const until = stopWhen ?? shutdownSignal;
  if (found.length > 0) {
    io.err(`cpbot run: ${found.join(" and ")} set; starting the server (cpbot serve).`);
    return serve(args, io, until);
  }
  // Nothing to connect to yet: the console is the way in, and it is only served on loopback.
  const hostGiven = isSet(io.env.HOST) || args.some((a) => a === "--host" || a.startsWith("--host="));
  io.err(
    `cpbot run: no Slack or Teams credentials set (SLACK_BOT_TOKEN, MicrosoftAppId), so cpbot starts on its embedded defaults, with the web console${
      hostGiven ? "" : " on 127.0.0.1"
    }.`,
  );
  return serve(hostGiven ? args : ["--host", "127.0.0.1", ...args], io, until, undefined, (ready) =>
    io.err(welcome(ready.pages[0])),
  );
}

/**
 * What a person who just typed `npm start` needs after the start-up log: where to try the bot, the same
 * bot in the terminal, how to connect Slack and Teams, and how to stop. Plain words; the log says the rest.
 */
export function welcome(consoleUrl: string | undefined): string {
  return [
    "",
    "cpbot is ready.",
    ...(consoleUrl
      ? [`  Try it in your browser:  ${consoleUrl}  (ask a question; see the Slack and Teams cards)`]
      : []),
    "  Or in this terminal:     npm run chat  (the same bot, typed; numbered buttons)",
    "  Connect Slack or Teams:  set their credentials (docs/slack.md, docs/teams.md) and start again.",
    "                           Until then, Teams' /api/messages answers only the Bot Framework Emulator on this machine.",
    "  Stop:                    Ctrl+C",
    "",
  ].join("\n");
}
