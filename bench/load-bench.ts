import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { type ChildServer, startChildServer } from "./child-server.ts";
import { FakeWebApi } from "./fake-web-api.ts";
import type { BenchSection } from "./matcher-bench.ts";
import { bareBoltLoadApp, benchSigningSecret, type LoadKind, signedSlackRequest } from "./signed-slack-requests.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const seconds = Number(process.env.BENCH_LOAD_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_LOAD_ROUNDS ?? 3);
const connections = Number(process.env.BENCH_LOAD_CONNECTIONS ?? 10);
/** A folder: `cpbot serve` runs with --cpu-prof and writes its profile there when it stops. */
const cpuProfileDir = process.env.BENCH_LOAD_CPU_PROF;
/** Node flags for `cpbot serve` alone (space-separated), e.g. `--max-semi-space-size=32`, to weigh V8 settings. */
const cpbotNodeFlags = (process.env.BENCH_LOAD_CPBOT_FLAGS ?? "").split(/\s+/).filter(Boolean);
/** Which requests to send (comma-separated): a profile of one kind alone says more than of both mixed. */
const kinds = (process.env.BENCH_LOAD_KINDS ?? "command,mention")
  .split(",")
  .filter((k): k is LoadKind => k === "command" || k === "mention");

interface RunResult {
  /** Acknowledged requests per second (2xx only). */
  rps: number;
  p99: number;
  /** Replies that reached the fake Web API per second of the run until the last one arrived (mentions). */
  repliesPerSecond: number;
  failures: number;
  /** CPU the server used per acknowledged request (its replies included), ms: independent of the load. */
  cpuPerRequest: number;
  /** Mentions only: acknowledged, answered exactly once in their thread, answered more than once. */
  acknowledged: number;
  once: number;
  twice: number;
}

/** Waits until the fake Web API has seen no new `method` call for half a second (at most 30 s). */
async function drained(api: FakeWebApi, method: string, since: number): Promise<{ count: number; at: number }> {
  let count = api.count(method);
  let at = performance.now();
  const deadline = at + 30_000;
  while (performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    const now = api.count(method);
    if (now !== count) {
      count = now;
      at = performance.now();
    } else if (performance.now() - at > 500) break;
  }
  return { count, at: Math.max(at, since) };
}

/** One fixed-length autocannon run of signed requests against a server, each request unique. */
async function load(server: ChildServer, api: FakeWebApi, kind: LoadKind, offset: number): Promise<RunResult> {
  api.reset();
  let n = offset;
  const cpuBefore = server.cpuMs();
  const started = performance.now();
  const result = await autocannon({
    url: `http://127.0.0.1:${server.port}`,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: "POST",
        path: "/slack/events",
        // Signed at send time with a fresh trigger_id / event_id, as Slack would.
        setupRequest: (request) => ({ ...request, ...signedSlackRequest(kind, n++, api.responseUrl) }),
      },
    ],
  });
  // Commands are answered in the acknowledgement itself; mentions through chat.postMessage afterwards.
  const replies = await drained(api, "chat.postMessage", started);
  const ok = result["2xx"];
  const failures = result.non2xx + result.errors + result.timeouts;
  const repliesPerSecond = replies.count / ((replies.at - started) / 1000);
  const cpuPerRequest = (server.cpuMs() - cpuBefore) / Math.max(1, ok);
  const answers = [...api.threads.values()];
  return {
    rps: ok / (result.duration || seconds),
    p99: result.latency.p99,
    repliesPerSecond,
    failures,
    cpuPerRequest,
    acknowledged: kind === "mention" ? ok : 0,
    once: answers.filter((n) => n === 1).length,
    twice: answers.filter((n) => n > 1).length,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * `npm run bench:load`: signed `/cp fault 303-RSC` slash commands and app_mention events against
 * `cpbot serve` (compiled dist/, Slack over HTTP, the Web API faked on loopback) and against a bare Bolt
 * app doing the same work, in alternating fixed-length runs; throughput and p99 as ratios.
 */
export async function loadBench(): Promise<BenchSection> {
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "ignore" });
  const cwd = mkdtempSync(path.join(tmpdir(), "cpbot-load-"));
  const boltFile = path.join(root, "node_modules", ".cache", "bench-load-bolt.mjs");
  mkdirSync(path.dirname(boltFile), { recursive: true });
  writeFileSync(boltFile, bareBoltLoadApp);
  const api = new FakeWebApi();
  await api.start();
  const common = { SLACK_API_URL: api.apiUrl };
  const bolt = await startChildServer([boltFile], {
    cwd: root,
    env: { ...common, SIGNING_SECRET: benchSigningSecret },
  });
  const cpbot = await startChildServer(
    [
      ...cpbotNodeFlags,
      ...(cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(cpuProfileDir)}`] : []),
      path.join(root, "bin", "cpbot.js"),
      "serve",
      "--host",
      "127.0.0.1",
      "--database",
      path.join(cwd, "load.db"),
    ],
    {
      cwd,
      env: {
        ...common,
        SLACK_BOT_TOKEN: "xoxb-bench-token",
        SLACK_SIGNING_SECRET: benchSigningSecret,
        SLACK_ESCALATION_CHANNEL: "C0BENCH001",
        // The baseline has no per-person limit; cpbot's would answer "slow down" instead of the playbook.
        RATE_LIMIT_PER_MINUTE: "0",
      },
      // Load only once it can take traffic: /healthz answers while it still starts.
      ready: "/readyz",
    },
  );
  const runs: Record<string, RunResult[]> = {};
  let offset = 0;
  try {
    for (let r = 0; r < rounds; r++) {
      for (const kind of kinds) {
        for (const [name, server] of [
          ["bolt", bolt],
          ["cpbot", cpbot],
        ] as const) {
          const result = await load(server, api, kind, offset);
          offset += 1_000_000;
          const key = `${name}:${kind}`;
          runs[key] = [...(runs[key] ?? []), result];
        }
      }
    }
  } finally {
    await Promise.all([bolt.stop(), cpbot.stop()]);
    await api.close();
    rmSync(cwd, { recursive: true, force: true });
  }
  const m = (key: string, field: keyof RunResult) => median((runs[key] ?? []).map((x) => x[field]));
  const row = (what: string, kind: LoadKind, goal: string) => {
    const [c, b] = [`cpbot:${kind}`, `bolt:${kind}`];
    const failures = m(c, "failures") + m(b, "failures");
    const cpu = `${m(c, "cpuPerRequest").toFixed(2)} / ${m(b, "cpuPerRequest").toFixed(2)} (${(m(b, "cpuPerRequest") / Math.max(0.001, m(c, "cpuPerRequest"))).toFixed(3)}×)`;
    return `| ${what} | ${m(c, "rps").toFixed(0)} | ${m(b, "rps").toFixed(0)} | ${(m(c, "rps") / m(b, "rps")).toFixed(3)}× | ${m(c, "p99").toFixed(0)} | ${m(b, "p99").toFixed(0)} | ${(m(c, "p99") / Math.max(1, m(b, "p99"))).toFixed(1)}× | ${kind === "command" ? "in the acknowledgement" : `${m(c, "repliesPerSecond").toFixed(0)} / ${m(b, "repliesPerSecond").toFixed(0)}`} | ${cpu} | ${failures} | ${goal} |`;
  };
  // Exactly once, over every round: each acknowledged mention is answered in its own thread, once.
  const sum = (key: string, field: "acknowledged" | "once" | "twice") =>
    (runs[key] ?? []).reduce((total, x) => total + x[field], 0);
  const once = (name: string) => {
    const key = `${name.toLowerCase()}:mention`;
    return `${name} answered ${sum(key, "once")} threads exactly once and ${sum(key, "twice")} more than once, for ${sum(key, "acknowledged")} acknowledged mentions`;
  };
  return {
    title: "Throughput under load (signed Slack requests, loopback)",
    lines: [
      `${rounds} rounds of ${seconds} s runs with ${connections} connections each, alternating the bare Bolt app and`,
      "`cpbot serve`; medians of the runs. Both acknowledge a command with its answer's blocks; a mention is",
      "acknowledged first and answered in its thread with chat.postMessage, so replies/s counts the answers that",
      "reached the fake Web API until the last one arrived. CPU ms per request is the server's own CPU time",
      "(user + system, /proc) over the run divided by the requests it acknowledged; its ratio (Bolt's over",
      "cpbot's) is the throughput ratio the two would reach with a core each, whatever else loads the machine.",
      "",
      "| request | cpbot req/s | Bolt req/s | throughput ratio | cpbot p99 ms | Bolt p99 ms | p99 ratio | replies/s cpbot / Bolt | CPU ms per request cpbot / Bolt (ratio) | failed | goal |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
      ...(kinds.includes("command") ? [row("`/cp fault 303-RSC`", "command", "≥ 0.5×")] : []),
      ...(kinds.includes("mention") ? [row("app_mention `fault 303-RSC`", "mention", "≥ 0.5×")] : []),
      "",
      `Exactly once (all rounds; the fake Web API counts chat.postMessage per thread): ${once("cpbot")}; ${once("Bolt")}. A mention still in flight when a run ends (at most one per connection) is answered but not counted as acknowledged.`,
    ],
  };
}
