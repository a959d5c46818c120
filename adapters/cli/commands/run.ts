import type { CliCommand, CliIO } from "../command.ts";

const usage = `Usage: cpbot run [options]

What "npm start" runs. With Slack or Teams credentials in the environment it starts the server
(cpbot serve); with none it starts the terminal chat (cpbot chat) on SQLite, so the bot works with
nothing else configured. Says on stderr which it chose and why. Options are passed on to the
command it starts (see cpbot chat --help, cpbot serve --help).

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
  summary: "Start the bot: the Slack/Teams server when credentials are set, else the terminal chat",
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const found = platformCredentials(io.env);
    if (found.length > 0) {
      io.err(`cpbot run: ${found.join(" and ")} set; starting the server (cpbot serve).`);
      const { command: serve } = await import("./serve.ts");
      return serve.run(args, io);
    }
    const database = isSet(io.env.DATABASE_URL) ? io.env.DATABASE_URL : "./data/cpbot.db";
    io.err(
      `cpbot run: no Slack or Teams credentials (SLACK_BOT_TOKEN, MicrosoftAppId); starting the terminal chat on SQLite at ${database}.`,
    );
    const { command: chat } = await import("./chat.ts");
    return chat.run(args, io);
  },
};
