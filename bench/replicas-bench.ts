import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FakeSlackApi } from "../test/adapters/slack/fake-slack-api.ts";
import { fixture, sign, signingSecret } from "../test/adapters/slack/slack-harness.ts";
import { createTestDatabase } from "../test/pg/test-database.ts";
import { debianPostgresBin, freePort, startThrowawayCluster } from "../test/pg/throwaway-cluster.ts";
import type { BenchSection } from "./matcher-bench.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
/** Mentions per configuration, and how many are in flight at once: bounded, loopback only. */
const events = 240;
const concurrency = 12;
const questions = ["fault 303-RSC", "station offline", "rfid card not working", "earth ground fault", "no power"];

interface Replica {
  url: string;
  child: ChildProcess;
}

/** `cpbot serve` as its own process (the sources, through tsx), Slack only, against the fake Web API. */
async function startReplica(databaseUrl: string, apiUrl: string): Promise<Replica> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, "bin/cpbot.js"), "serve"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      CPBOT_FROM_SOURCE: "1",
      SLACK_BOT_TOKEN: "xoxb-1111-2222-benchTOKEN",
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_ESCALATION_CHANNEL: "CESCALATE1",
      SLACK_API_URL: apiUrl,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      // The bench sends from one user: the per-person limit would refuse most of it.
      RATE_LIMIT_PER_MINUTE: "0",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 200) {
    if (child.exitCode !== null) throw new Error(`a replica exited with ${child.exitCode} while starting`);
    if (waited > 60_000) throw new Error("a replica did not become ready within 60 s");
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stopReplica(replica: Replica): Promise<void> {
  const exited = new Promise((resolve) => replica.child.once("exit", resolve));
  replica.child.kill("SIGTERM");
  await exited;
}

/** Sends `events` signed mentions round-robin to the replicas; resolves when every one has its answer. */
async function drive(
  replicas: Replica[],
  api: FakeSlackApi,
  run: string,
): Promise<{ seconds: number; answered: number }> {
  const answeredThreads = () => new Set(api.callsOf("chat.postMessage").map((c) => String(c.body.thread_ts))).size;
  const before = answeredThreads();
  const start = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < events) {
      const n = next++;
      const envelope = fixture<{ event_id: string; event: Record<string, unknown> }>("app-mention");
      const ts = `17${run}${String(n).padStart(6, "0")}.000100`;
      Object.assign(envelope.event, { text: `<@UCPBOT> ${questions[n % questions.length]}`, ts, event_ts: ts });
      envelope.event_id = `EvBench${run}${n}`;
      const body = JSON.stringify(envelope);
      const timestamp = Math.floor(Date.now() / 1000);
      const target = replicas[n % replicas.length]!;
      const res = await fetch(`${target.url}/slack/events`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": sign(body, timestamp),
        },
        body,
      });
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const deadline = Date.now() + 120_000;
  while (answeredThreads() - before < events && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { seconds: (performance.now() - start) / 1000, answered: answeredThreads() - before };
}

/**
 * Throughput of answered Slack mentions: one replica on SQLite (the baseline), one and two replicas on
 * one PostgreSQL, in the same run on the same machine. Each replica is a separate `cpbot serve` process;
 * a mention counts once its answer reached the (fake) Web API, so the figure includes matching,
 * rendering, the store's writes and the post.
 */
export async function replicasBench(): Promise<BenchSection> {
  const bin = debianPostgresBin();
  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  const cluster = serverUrl ? undefined : bin ? await startThrowawayCluster(bin) : undefined;
  const pgServer = serverUrl ?? cluster?.url;
  const api = new FakeSlackApi();
  await api.start();
  const dir = mkdtempSync(join(tmpdir(), "cpbot-bench-"));
  const rows: { name: string; seconds: number; answered: number }[] = [];
  try {
    const configs: { name: string; replicas: number; database: () => Promise<string> }[] = [
      { name: "SQLite, 1 replica", replicas: 1, database: async () => join(dir, "bench.db") },
    ];
    if (pgServer) {
      for (const replicas of [1, 2]) {
        configs.push({
          name: `PostgreSQL, ${replicas} replica${replicas > 1 ? "s" : ""}`,
          replicas,
          database: async () => (await createTestDatabase(pgServer)).url,
        });
      }
    }
    for (const [i, config] of configs.entries()) {
      const url = await config.database();
      const replicas: Replica[] = [];
      try {
        for (let r = 0; r < config.replicas; r++) replicas.push(await startReplica(url, api.apiUrl));
        await drive(replicas, api, `${i}9`); // warm-up: JIT, pools, statement caches
        rows.push({ name: config.name, ...(await drive(replicas, api, `${i}0`)) });
      } finally {
        for (const replica of replicas) await stopReplica(replica);
      }
    }
  } finally {
    await api.close();
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const base = rows[0]!.answered / rows[0]!.seconds;
  return {
    title: "Replicas: answered Slack mentions per second, SQLite and PostgreSQL",
    lines: [
      `${events} signed mentions per configuration (${concurrency} in flight), sent round-robin to the replicas over loopback; a mention counts when its answer reached the fake Web API. Each replica is its own \`cpbot serve\` process; one warm-up round first.`,
      "",
      "| configuration | answered | seconds | answers/s | vs SQLite, 1 replica |",
      "|---|---|---|---|---|",
      ...rows.map((r) => {
        const rate = r.answered / r.seconds;
        return `| ${r.name} | ${r.answered}/${events} | ${r.seconds.toFixed(2)} | ${rate.toFixed(1)} | ${(rate / base).toFixed(2)}× |`;
      }),
      ...(pgServer ? [] : ["", "PostgreSQL rows missing: no TEST_DATABASE_URL and no Debian PostgreSQL binaries."]),
    ],
  };
}

// `npm run bench:replicas` runs this section alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { title, lines } = await replicasBench();
  console.log(`## ${title}\n\n${lines.join("\n")}\n`);
}
