import { parseArgs } from "node:util";
import type { PlatformFactory } from "../../http/platform-adapter.ts";
import type { CliCommand, CliIO } from "../command.ts";

const usage = `Usage: cpbot serve [--port N] [--host ADDRESS] [--database URL] [--playbooks DIR]

Runs cpbot for Slack and/or Microsoft Teams on one HTTP server:
  POST /slack/events   Slack events, /cp and buttons (HTTP mode; Socket Mode needs no public URL)
  POST /api/messages   Teams (Bot Framework)
  GET  /healthz        {"status":"ok", platforms, pendingEscalations} for load balancers
  GET  /console/       the web console (playground, playbooks, analytics, escalations): on a loopback
                       address only, or anywhere with CONSOLE_TOKEN (then required on every request)
Each platform turns itself on from the environment (see .env.example):
  Slack   SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode), SLACK_ESCALATION_CHANNEL
  Teams   MicrosoftAppId, MicrosoftAppPassword; without an app id and without Slack, Bot Framework
          Emulator mode on 127.0.0.1 only
A bad setting, a broken playbook or template, an unusable database or a rejected Slack token stops
start-up with the full report (exit 1). Stops gracefully on Ctrl-C / SIGTERM: requests in progress
finish, then the database closes.

Options:
  --port N          listen port (default PORT, else 3978)
  --host ADDRESS    listen address (default HOST, else all interfaces)
  --database URL    SQLite file (default DATABASE_URL, else ./data/cpbot.db)
  --playbooks DIR   playbook YAML folder (default: the package's playbooks/)
  -h, --help        show this help`;

/**
 * The platforms `cpbot serve` can run. To add one, export a PlatformFactory from its adapter
 * (adapters/<platform>/) and list it here; serve does the rest (engine, transport routing, routes, start/stop).
 * The factories are light: each imports its SDK (Bolt, botbuilder) only when its settings turn it on.
 */
export async function servePlatforms(): Promise<PlatformFactory[]> {
  const [{ slackPlatform }, { teamsPlatform }, { consolePlatform }] = await Promise.all([
    import("../../slack/slack-platform.ts"),
    import("../../teams/teams-platform.ts"),
    import("../../console/console-platform.ts"),
  ]);
  // The console last, so a platform's own address requirement (Teams Emulator: loopback) is known first.
  return [slackPlatform(), teamsPlatform(), consolePlatform()];
}

/** Resolves on the first SIGINT or SIGTERM. */
export function shutdownSignal(): Promise<string> {
  return new Promise((resolve) => {
    const on = (signal: string) => {
      process.off("SIGINT", on);
      process.off("SIGTERM", on);
      resolve(signal);
    };
    process.on("SIGINT", on);
    process.on("SIGTERM", on);
  });
}

export const command: CliCommand = {
  name: "serve",
  summary: "Run the Slack and/or Teams bot on one HTTP server (events, /cp, buttons, /healthz)",
  usage,
  run: (args, io) => serve(args, io, shutdownSignal),
};

/**
 * `cpbot serve` until `stopWhen` resolves (SIGINT/SIGTERM from the command line; tests pass their own);
 * `platforms` lets a test turn Slack's WebClient retries off.
 */
export async function serve(
  args: string[],
  io: CliIO,
  stopWhen: () => Promise<string>,
  platforms?: PlatformFactory[],
  /** Called once the server listens, with its address and the browser pages it serves (cpbot run's welcome). */
  onReady?: (ready: { url: string; pages: string[] }) => void,
): Promise<number> {
  let values: { port?: string; host?: string; database?: string; playbooks?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        database: { type: "string" },
        playbooks: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`cpbot serve: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    return 2;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    io.err(`cpbot serve: --port must be a whole number from 0 to 65535, e.g. --port 3978 (given "${values.port}").`);
    return 2;
  }
  // Start-up's burst of long-lived objects must not leave an idle server with a grown young generation.
  const { holdYoungGeneration } = await import("../hold-young-generation.ts");
  const releaseYoungGeneration = holdYoungGeneration();
  const [{ startServer }, { resolve }] = await Promise.all([import("../../http/start-server.ts"), import("node:path")]);
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer({
      env: io.env,
      cwd: io.cwd,
      platforms: platforms ?? (await servePlatforms()),
      ...(port !== undefined ? { port } : {}),
      ...(values.host ? { host: values.host } : {}),
      ...(values.database ? { databaseUrl: resolve(io.cwd, values.database) } : {}),
      ...(values.playbooks ? { playbooksDir: resolve(io.cwd, values.playbooks) } : {}),
      write: io.err,
      ...(io.isTTY !== undefined ? { isTTY: io.isTTY } : {}),
    });
  } catch (error) {
    io.err(`cpbot serve: cannot start.\n${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    releaseYoungGeneration();
  }
  // The banner goes through the logger too: in production every line on stderr is JSON.
  for (const line of running.summary) running.logger.info(line);
  onReady?.({ url: running.url, pages: running.adapters.flatMap((a) => (a.page ? [`${running.url}${a.page}`] : [])) });
  const signal = await stopWhen();
  running.logger.info(`cpbot serve: ${signal} received; finishing requests in progress, then stopping.`, { signal });
  await running.close();
  running.logger.info("cpbot serve: stopped.");
  return 0;
}
