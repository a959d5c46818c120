import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { silentLogger } from "../src/core/logger.ts";
import { DeliveredMarks } from "../src/delivery/delivered-marks.ts";
import { openSqliteDatabase } from "../src/store/open-sqlite-database.ts";
import { newOutboxId } from "../src/store/outbox-id.ts";
import { replyBody } from "../src/store/reply-body.ts";
import { SqliteStore } from "../src/store/sqlite-store.ts";
import type { SynchronousMode } from "../src/store/synchronous-mode.ts";
import type { BenchSection } from "./matcher-bench.ts";

const turns = Number(process.env.BENCH_STORE_TURNS ?? 3000);
const inFlight = 10;
/** About the size of the reply `/cp fault 303-RSC` stores (5.5 KB of JSON: more than a 4 KB page). */
const reply = {
  cards: [
    {
      kind: "overview",
      title: "Relay Stuck Closed (303-RSC)",
      blocks: Array.from({ length: 12 }, (_, i) => ({ type: "text", markdown: `Step ${i} `.repeat(58) })),
    },
  ],
  mode: "new",
  visibility: "ephemeral",
};
/** Its stored body, made once: the engine keeps a shared card's (src/engine/stored-reply-body.ts). */
const body = replyBody(reply);

/**
 * How a turn's delivered mark is written: `each`, its own write right after the decision (as before the
 * eighth session); `gathered`, through DeliveredMarks as OutboxDispatcher.delivered does now (5 ms).
 */
type Marks = "each" | "gathered";

/** The store's writes of one answered slash command, as the engine (with its audit line) and the adapter make them. */
async function turn(store: SqliteStore, i: number, mark: (id: string, at: string) => Promise<unknown>): Promise<void> {
  const at = new Date(Date.UTC(2026, 10, 30, 0, 0, 0, i)).toISOString();
  const key = `slack:C1:${i % 100}`;
  const id = newOutboxId();
  const fields = { at, platform: "slack" as const, conversation: key, user: "U1", text: "fault 303-RSC" };
  await store.transaction(async (tx) => {
    if (!(await tx.claimEvent(`E${i}`, at))) return;
    const session = await tx.getSession(key);
    await tx.saveSession(key, { seq: i, topics: [{ id: `q${i}` }] }, session?.revision ?? null, at);
    await tx.recordEvent({ type: "question", ...fields, playbook: "relay", confidence: 1 });
    await tx.recordEvent({ type: "match", ...fields, playbook: "relay", confidence: 1 });
    // The audit line is written with the decision (auditedEngine's TurnAudit).
    await tx.recordEvent({ type: "audit", ...fields, data: { action: "answer", eventId: `E${i}` } });
    const target = { kind: "respond", responseUrl: "https://hooks.slack.com/commands/1", channel: "C1" };
    await tx.enqueueDelivery({
      id,
      eventId: `E${i}`,
      platform: "slack",
      target,
      reply,
      body,
      at,
      lease: { by: "me", until: at },
    });
  });
  // Not awaited before the lane's next turn: the server answers the next request while a mark is written.
  marking.push(mark(id, at));
}

const marking: Promise<unknown>[] = [];

async function measure(mode: SynchronousMode, marks: Marks): Promise<{ cpu: number; commits: number; syncs: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "cpbot-store-bench-"));
  const file = path.join(dir, "bench.db");
  const db = openSqliteDatabase({ kind: "file", path: file }, { synchronous: mode });
  let commits = 0;
  const exec = db.exec.bind(db);
  db.exec = (sql: string) => {
    if (sql === "COMMIT") commits++;
    return exec(sql);
  };
  const store = new SqliteStore(db, file);
  const gathered = new DeliveredMarks({
    write: (ids) => store.completeDeliveries(ids, "me", new Date().toISOString()),
    logger: silentLogger,
    now: () => Date.now(),
    gatherMs: 5,
    giveUpMs: 10_000,
  });
  const mark =
    marks === "each"
      ? (id: string, at: string) => store.completeDelivery(id, "me", at)
      : (id: string) => gathered.add(id);
  try {
    for (let i = 0; i < 100; i++) await turn(store, -1 - i, mark);
    await Promise.all(marking.splice(0));
    commits = 0;
    const syncsBefore = store.walSync?.syncs ?? 0;
    let next = 0;
    const before = process.cpuUsage();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < turns) await turn(store, next++, mark);
      }),
    );
    await Promise.all(marking.splice(0));
    const used = process.cpuUsage(before);
    if ((await store.countDeliveries()).pending !== 0) throw new Error("a delivered mark was not written");
    return {
      cpu: (used.user + used.system) / turns,
      commits: commits / turns,
      syncs: ((store.walSync?.syncs ?? 0) - syncsBefore) / turns,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- store`: the SQLite store's cost per answered slash command (the decision's
 * transaction, the audit line, the delivered mark), 10 turns in flight, with each SQLITE_SYNCHRONOUS mode
 * in alternating runs. CPU time of this process per turn, and COMMITs per turn (group commit).
 */
export async function storeBench(): Promise<BenchSection> {
  const configs = [
    ["full", "each"],
    ["full", "gathered"],
    ["normal", "each"],
    ["normal", "gathered"],
  ] as const;
  const runs = new Map<string, { cpu: number; commits: number; syncs: number }[]>(
    configs.map(([m, k]) => [`${m} ${k}`, []]),
  );
  for (let round = 0; round < 3; round++) {
    for (const [mode, marks] of configs) runs.get(`${mode} ${marks}`)?.push(await measure(mode, marks));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const row = (mode: SynchronousMode, marks: Marks) => {
    const r = runs.get(`${mode} ${marks}`) ?? [];
    return `| ${mode} | ${marks} | ${median(r.map((x) => x.cpu)).toFixed(0)} | ${r.map((x) => x.cpu.toFixed(0)).join(", ")} | ${median(r.map((x) => x.commits)).toFixed(2)} | ${median(r.map((x) => x.syncs)).toFixed(2)} |`;
  };
  return {
    title: "The SQLite store per answered slash command",
    lines: [
      `${turns} turns, ${inFlight} in flight, 3 alternating rounds per row: claim, session, two analytics rows, the audit`,
      "line and the outbox row in one transaction, then the delivered mark: its own write (each) or gathered for",
      "5 ms with others into one statement (gathered, as the server does). CPU µs of this process per turn.",
      "",
      "| SQLITE_SYNCHRONOUS | delivered marks | CPU µs per turn (median) | runs | COMMITs per turn | WAL syncs per turn |",
      "|---|---|---:|---|---:|---:|",
      ...configs.map(([mode, marks]) => row(mode, marks)),
    ],
  };
}
