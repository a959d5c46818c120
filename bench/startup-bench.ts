import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startChildServer } from "./child-server.ts";
import { FakeWebApi } from "./fake-web-api.ts";
import type { BenchSection } from "./matcher-bench.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = path.join(root, "bin", "cpbot.js");
const rounds = Number(process.env.BENCH_STARTUP_ROUNDS ?? 5);

// The baseline: a bare Bolt app over HTTP with a /healthz route, compiled nothing, loaded nothing else.
const bareBolt = `
import bolt from "@slack/bolt";
const receiver = new bolt.HTTPReceiver({ signingSecret: "s", customRoutes: [{ path: "/healthz", method: ["GET"], handler: (_q, r) => { r.writeHead(200); r.end("ok"); } }] });
const app = new bolt.App({ token: "xoxb-bench", botId: "B1", botUserId: "U1", receiver });
await app.start(Number(process.env.PORT));
process.on("SIGTERM", () => process.exit(0));`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function timeCommand(args: string[], cwd: string): number {
  const start = performance.now();
  execFileSync(process.execPath, args, { cwd, stdio: "ignore", env: { ...process.env, CPBOT_NO_DOTENV: "1" } });
  return performance.now() - start;
}

/**
 * Milliseconds from spawn to the first 200 from GET /healthz and from `ready` (GET /readyz: cpbot listens
 * before it has started; the bare Bolt app is ready when it listens), and the process's RSS once idle.
 */
async function timeToHealthz(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  ready?: string,
): Promise<{ ms: number; readyMs: number; rssMb: number }> {
  const server = await startChildServer(args, { cwd, env, ...(ready ? { ready } : {}) });
  try {
    // Idle means after the start-up work is over: a second of nothing after it became ready.
    await new Promise((r) => setTimeout(r, 1000));
    return { ms: server.readyMs, readyMs: server.readyForTrafficMs, rssMb: server.rssMb() };
  } finally {
    await server.stop();
  }
}

/** Start-up of the compiled CLI and server against plain Node and a bare Bolt app, alternating runs. */
export async function startupBench(): Promise<BenchSection> {
  if (!existsSync(path.join(root, "dist", "adapters", "cli", "main.js"))) execFileSync("npm", ["run", "build"]);
  const cwd = mkdtempSync(path.join(tmpdir(), "cpbot-bench-"));
  const boltFile = path.join(root, "node_modules", ".cache", "bench-bare-bolt.mjs");
  mkdirSync(path.dirname(boltFile), { recursive: true });
  writeFileSync(boltFile, bareBolt);
  const samples: Record<string, number[]> = {
    node: [],
    help: [],
    match: [],
    ask: [],
    serve: [],
    serveReady: [],
    teams: [],
    teamsReady: [],
    bolt: [],
  };
  const rss: Record<string, number[]> = { serve: [], teams: [], bolt: [] };
  // cpbot serves Slack like the baseline: its Web API (auth.test at start) answered on loopback.
  const api = new FakeWebApi();
  await api.start();
  const slack = {
    SLACK_API_URL: api.apiUrl,
    SLACK_BOT_TOKEN: "xoxb-bench-token",
    SLACK_SIGNING_SECRET: "bench-signing-secret",
    SLACK_ESCALATION_CHANNEL: "C0BENCH001",
  };
  try {
    for (let r = 0; r < rounds; r++) {
      samples.node!.push(timeCommand(["-e", "0"], cwd));
      samples.help!.push(timeCommand([bin, "--help"], cwd));
      samples.match!.push(timeCommand([bin, "match", "fault 303-RSC"], cwd));
      samples.ask!.push(timeCommand([bin, "ask", "fault 303-RSC"], cwd));
      const bolt = await timeToHealthz([boltFile], path.join(root));
      samples.bolt!.push(bolt.ms);
      rss.bolt!.push(bolt.rssMb);
      const serve = await timeToHealthz(
        [bin, "serve", "--host", "127.0.0.1", "--database", path.join(cwd, `slack-${r}.db`)],
        cwd,
        slack,
        "/readyz",
      );
      samples.serve!.push(serve.ms);
      samples.serveReady!.push(serve.readyMs);
      rss.serve!.push(serve.rssMb);
      // Teams in Emulator mode (no credentials): the other platform, botbuilder instead of Bolt.
      const teams = await timeToHealthz(
        [bin, "serve", "--database", path.join(cwd, `teams-${r}.db`)],
        cwd,
        {},
        "/readyz",
      );
      samples.teams!.push(teams.ms);
      samples.teamsReady!.push(teams.readyMs);
      rss.teams!.push(teams.rssMb);
    }
  } finally {
    await api.close();
    rmSync(cwd, { recursive: true, force: true });
  }
  const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])) as Record<string, number>;
  const row = (what: string, ms: number, base: string, baseMs: number, goal: string) =>
    `| ${what} | ${ms.toFixed(0)} ms | ${base} ${baseMs.toFixed(0)} ms | ${(ms / baseMs).toFixed(2)}× | ${goal} |`;
  const rssRow = (what: string, cpbot: number[], bolt: number[]) =>
    `| ${what} | ${median(cpbot).toFixed(0)} MiB | bare Bolt ${median(bolt).toFixed(0)} MiB | ${(median(cpbot) / median(bolt)).toFixed(2)}× | < 120 MiB |`;
  return {
    title: "Start-up and idle memory (compiled dist/, medians of alternating runs)",
    lines: [
      `${rounds} rounds, each running every command once in turn. \`cpbot serve\` serves Slack over HTTP (SQLite, its`,
      "Web API faked on loopback) like the baseline, a bare `@slack/bolt` app over HTTP with a `/healthz` custom",
      "route and nothing else; the Teams rows start it in Bot Framework Emulator mode (botbuilder, no Bolt).",
      "cpbot answers `/healthz` (alive) as soon as it listens and `/readyz` once it has started; the bare Bolt",
      "app is ready when it listens. Idle RSS is read a second after ready.",
      "",
      "| measured | cpbot | baseline | ratio | goal |",
      "|---|---|---|---|---|",
      row("`cpbot --help`", m.help!, "`node -e 0`", m.node!, "≤ 2×"),
      row('`cpbot match "fault 303-RSC"`', m.match!, "`node -e 0`", m.node!, "≤ 4×"),
      row('`cpbot ask "fault 303-RSC"`', m.ask!, "`node -e 0`", m.node!, "≤ 4×"),
      row("`cpbot serve` (Slack) → `/healthz` (alive, still starting)", m.serve!, "bare Bolt", m.bolt!, "(shown)"),
      // The goal is judged on readiness: the bare Bolt app answers /healthz only once it can take traffic.
      row("`cpbot serve` (Slack) → `/readyz` (ready for traffic)", m.serveReady!, "bare Bolt", m.bolt!, "≤ 2×"),
      rssRow("idle RSS of `cpbot serve` (Slack)", rss.serve!, rss.bolt!),
      row("`cpbot serve` (Teams Emulator) → `/healthz`", m.teams!, "bare Bolt", m.bolt!, "(not a goal)"),
      row("`cpbot serve` (Teams Emulator) → `/readyz`", m.teamsReady!, "bare Bolt", m.bolt!, "(not a goal)"),
      rssRow("idle RSS of `cpbot serve` (Teams Emulator)", rss.teams!, rss.bolt!),
    ],
  };
}
