#!/usr/bin/env node
// Replays the Dockerfile without Docker (CI cannot pull node:20-slim): every stage gets a clean folder,
// WORKDIR/COPY/ENV/RUN run there in order (absolute WORKDIR paths mapped into the folder), then the last
// stage's CMD starts with PORT on a free loopback port, must answer GET /healthz, pass the HEALTHCHECK
// command and exit 0 on SIGTERM. USER, EXPOSE and VOLUME are Docker's business and only reported.
// Usage: node scripts/replay-dockerfile.js [Dockerfile] [workdir]
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const context = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dockerfile = path.resolve(process.argv[2] ?? path.join(context, "Dockerfile"));
const work = process.argv[3] ?? mkdtempSync(path.join(tmpdir(), "cpbot-docker-replay-"));
const say = (text) => console.log(`replay: ${text}`);

const instructions = readFileSync(dockerfile, "utf8")
  .replace(/\\\n/g, " ")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"))
  .map((line) => {
    const [op, ...rest] = line.split(/\s+/);
    return { op: op.toUpperCase(), args: line.slice(op.length).trim(), words: rest };
  });

/** Hard-links the machine's npm cache into `into`; without one (or across file systems) npm downloads. */
function seedCache(into) {
  try {
    const machine = execFileSync("npm", ["config", "get", "cache"], { encoding: "utf8" }).trim();
    if (!existsSync(path.join(machine, "_cacache"))) return;
    const cacache = path.join(into, "_cacache");
    mkdirSync(cacache, { recursive: true });
    // Package contents are written once and never changed, so links are safe; the index files are
    // appended to, so they are copied.
    execFileSync("cp", ["-al", path.join(machine, "_cacache", "content-v2"), cacache]);
    execFileSync("cp", ["-r", path.join(machine, "_cacache", "index-v5"), cacache]);
  } catch {
    say("npm cache not shared with the replay; packages come from the registry");
  }
}

/**
 * npm ci cannot reach the GitHub release that `npm rebuild better-sqlite3` (prebuild-install) downloads its
 * prebuilt binding from in an image, and compiling SQLite takes many minutes. The binding this machine's
 * own install built stands in for that download: packed as prebuild-install names it, in a folder it reads
 * through npm_config_better_sqlite3_local_prebuilds. Same Node ABI and platform only; otherwise it compiles.
 */
function localPrebuilds() {
  const pkg = path.join(context, "node_modules", "better-sqlite3");
  const binding = path.join(pkg, "build", "Release", "better_sqlite3.node");
  if (!existsSync(binding)) return {};
  const { version } = JSON.parse(readFileSync(path.join(pkg, "package.json"), "utf8"));
  const dir = path.join(work, "prebuilds");
  mkdirSync(dir, { recursive: true });
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  execFileSync("tar", ["-czf", path.join(dir, name), "-C", pkg, "build/Release/better_sqlite3.node"]);
  say(`better-sqlite3 binding from this machine's install as ${name}`);
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}
const prebuilds = localPrebuilds();

const stages = new Map();
let stage;
const mapped = (s, p) => path.join(s.root, p);
for (const { op, args, words } of instructions) {
  if (op === "FROM") {
    const name = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? `stage${stages.size}`;
    // Each stage gets its own npm cache, as in a fresh image: `npm cache clean` must not empty the machine's.
    // It starts as a copy of the machine's cache (same lockfile, so the same packages, without downloading
    // them again), so the replay takes minutes; cleaning it removes the copy only.
    const cache = path.join(work, name, ".npm");
    seedCache(cache);
    const env = { ...process.env, ...prebuilds, npm_config_cache: cache, npm_config_prefer_offline: "true" };
    stage = { name, root: path.join(work, name), cwd: "/", workdirs: [], env, cmd: undefined };
    mkdirSync(stage.root, { recursive: true });
    stages.set(name, stage);
    say(`stage ${name} (${words[0]}) in ${stage.root}`);
  } else if (op === "WORKDIR") {
    stage.cwd = path.posix.resolve(stage.cwd, args);
    stage.workdirs.push(stage.cwd);
    mkdirSync(mapped(stage, stage.cwd), { recursive: true });
  } else if (op === "ENV") {
    for (const [, key, value] of args.matchAll(/(\w+)=(\S+)/g)) stage.env[key] = value;
  } else if (op === "COPY") {
    const from = /--from=(\S+)/.exec(args)?.[1];
    const parts = words.filter((w) => !w.startsWith("--"));
    const dest = parts.pop();
    const target = mapped(stage, path.posix.resolve(stage.cwd, dest));
    for (const source of parts) {
      const origin = from ? mapped(stages.get(from), source) : path.join(context, source);
      const into = dest.endsWith("/") ? path.join(target, path.basename(source)) : target;
      cpSync(origin, into, { recursive: true });
    }
  } else if (op === "RUN") {
    let command = args;
    for (const dir of [...stage.workdirs, stage.cwd].sort((a, b) => b.length - a.length)) {
      if (dir !== "/") command = command.split(dir).join(mapped(stage, dir));
    }
    command = command.replace(/mkdir -p (\/\S+)/g, (_m, p) => `mkdir -p ${mapped(stage, p)}`);
    say(`RUN ${args}`);
    execFileSync("sh", ["-c", command], { cwd: mapped(stage, stage.cwd), env: stage.env, stdio: "inherit" });
  } else if (op === "CMD") {
    stage.cmd = JSON.parse(args);
  } else if (op === "HEALTHCHECK") {
    stage.healthcheck = JSON.parse(args.slice(args.indexOf("CMD") + 3).trim());
  } else {
    say(`${op} ${args} (not replayed)`);
  }
}

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const cwd = mapped(stage, stage.cwd);
const env = { ...stage.env, PORT: String(port), CPBOT_NO_DOTENV: "1" };
say(`CMD ${stage.cmd.join(" ")} on port ${port}`);
const child = spawn(stage.cmd[0], stage.cmd.slice(1), { cwd, env, stdio: ["ignore", "inherit", "inherit"] });
const exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
let health;
for (let i = 0; i < 240 && !health; i++) {
  await new Promise((r) => setTimeout(r, 500));
  health = await fetch(`http://127.0.0.1:${port}/healthz`).then(
    (r) => (r.ok ? r.json() : undefined),
    () => undefined,
  );
  // cpbot listens before it has started ({"starting":true}); the HEALTHCHECK (/readyz) is run once it has,
  // as Docker's start period allows.
  if (health?.starting) health = undefined;
}
if (!health) {
  child.kill("SIGKILL");
  throw new Error("replay: the image's CMD never answered GET /healthz");
}
say(`GET /healthz → ${JSON.stringify(health)}`);
execFileSync(stage.healthcheck[0], stage.healthcheck.slice(1), { cwd, env, stdio: "inherit" });
say("HEALTHCHECK passed");
child.kill("SIGTERM");
const code = await exited;
if (code !== 0) throw new Error(`replay: exit status ${code} after SIGTERM (expected 0)`);
say(`stopped on SIGTERM with status 0; the replayed image works (${work})`);
