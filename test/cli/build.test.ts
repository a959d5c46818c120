import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
// Inside the project (as dist/ is), so the compiled code must find playbooks/ by walking up to the root.
const outDir = path.join(root, "node_modules", ".cache", "cpbot-build-test");
const main = path.join(outDir, "adapters", "cli", "main.js");
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  await run(process.execPath, [path.join(root, "scripts", "build.js"), outDir], { cwd: root });
  dataDir = mkdtempSync(path.join(tmpdir(), "cpbot-build-"));
}, 120_000);
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/** Only what the compiled CLI needs: no tsx loader, no settings of the test's own environment. */
const bareEnv = (extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? "",
  CPBOT_NO_DOTENV: "1",
  ...extra,
});

describe("npm run build", () => {
  it("writes one .js per source file and the command manifest, with no TypeScript left", () => {
    expect(existsSync(path.join(outDir, "src", "engine", "create-engine.js"))).toBe(true);
    expect(existsSync(path.join(outDir, "adapters", "teams", "teams-platform.js"))).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(outDir, "adapters", "cli", "commands.json"), "utf8")) as {
      name: string;
      file: string;
    }[];
    expect(manifest.map((c) => c.name)).toEqual(expect.arrayContaining(["ask", "lint", "match", "serve"]));
    for (const entry of manifest) expect(entry.file).toMatch(/\.js$/);
    // zod and prom-client run from one bundle each (dist/vendor), not from their many files in node_modules.
    for (const file of ["src/config/config-schema.js", "src/metrics/bot-metrics.js"]) {
      const code = readFileSync(path.join(outDir, file), "utf8");
      expect(code).toMatch(/from "\.\.\/\.\.\/vendor\/(zod|prom-client)\.js"/);
      expect(code).not.toMatch(/from "(zod|prom-client)"/);
    }
    // Relative imports point at the compiled files, so Node runs them without a loader.
    expect(readFileSync(path.join(outDir, "adapters", "cli", "commands", "serve.js"), "utf8")).not.toMatch(
      /from "\.[^"]*\.ts"|import\("\.[^"]*\.ts"\)/,
    );
  });

  it("runs as `node dist/adapters/cli/main.js`: help, lint and ask, without tsx", async () => {
    const help = await run(process.execPath, [main, "--help"], { cwd: dataDir, env: bareEnv() });
    expect(help.stdout).toContain("Usage: cpbot <command>");
    expect(help.stdout).toMatch(/serve\s+Run the Slack and\/or Teams bot/);
    const usage = await run(process.execPath, [main, "match", "--help"], { cwd: dataDir, env: bareEnv() });
    expect(usage.stdout).toContain("Usage: cpbot match");
    const lint = await run(process.execPath, [main, "lint"], { cwd: dataDir, env: bareEnv() });
    expect(lint.stdout).toContain("20 playbooks");
    expect(lint.stdout).toContain("no problems");
    const ask = await run(process.execPath, [main, "ask", "fault 303-RSC"], {
      cwd: dataDir,
      env: bareEnv({ LOG_LEVEL: "error" }),
    });
    expect(ask.stdout).toContain("Relay Stuck Closed (303-RSC)");
  }, 180_000);

  it("keeps the matcher's scorer in dist/cache: a damaged file is reported and rebuilt, edited matcher code gets its own", async () => {
    const cacheDir = path.join(outDir, "cache");
    const scorers = () => readdirSync(cacheDir).filter((f) => /^scorer-.*\.json$/.test(f));
    expect(scorers()).toHaveLength(1);
    const question = ["match", "relay stuck closed on port 2"];
    const clean = await run(process.execPath, [main, ...question], { cwd: dataDir, env: bareEnv() });
    expect(clean.stdout).toContain("relay-stuck-closed");
    expect(clean.stderr).toBe("");

    const [file] = scorers();
    writeFileSync(path.join(cacheDir, file!), "{ damaged");
    const damaged = await run(process.execPath, [main, ...question], { cwd: dataDir, env: bareEnv() });
    expect(damaged.stdout).toBe(clean.stdout);
    expect(damaged.stderr).toMatch(/ignoring the matcher cache file .*scorer-.*\.json .*building the matcher instead/);
    // Rebuilt and stored again: the next run is quiet.
    expect(JSON.parse(readFileSync(path.join(cacheDir, file!), "utf8"))).toMatchObject({ format: 1 });
    const after = await run(process.execPath, [main, ...question], { cwd: dataDir, env: bareEnv() });
    expect(after.stderr).toBe("");

    // The snapshot's file name covers the matcher's compiled code: an edit means building afresh.
    const synonyms = path.join(outDir, "src", "matcher", "synonyms.js");
    writeFileSync(synonyms, `${readFileSync(synonyms, "utf8")}\n// edited\n`);
    const edited = await run(process.execPath, [main, ...question], { cwd: dataDir, env: bareEnv() });
    expect(edited.stdout).toBe(clean.stdout);
    expect(scorers()).toHaveLength(2);
  }, 180_000);

  it("serves Teams and the console from dist/ (Emulator mode here); on SIGTERM finishes the turn in flight, then exits 0", async () => {
    // The Bot Connector the reply goes to, slow on purpose: the turn is still running when SIGTERM arrives.
    let replyArrived: () => void = () => {};
    const arrived = new Promise<void>((resolve) => {
      replyArrived = resolve;
    });
    const replies: string[] = [];
    const connector = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString();
      });
      req.on("end", () => {
        replies.push(body);
        replyArrived();
        setTimeout(() => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ id: `reply-${replies.length}` }));
        }, 1500);
      });
    });
    await new Promise<void>((resolve) => connector.listen(0, "127.0.0.1", resolve));
    const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;

    const child = spawn(process.execPath, [main, "serve", "--port", "0", "--database", "bot.db"], {
      cwd: dataDir,
      env: bareEnv({ LOG_LEVEL: "info" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const look = () => {
        const found = /listening on (http:\/\/[^\s",)]+)/.exec(stderr)?.[1];
        if (found) resolve(found);
      };
      child.stderr?.on("data", look);
      void exited.then(() => reject(new Error(`serve ended before listening:\n${stderr}`)));
    });
    const health = await fetch(`${url}/healthz`);
    expect(await health.json()).toMatchObject({ status: "ok", platforms: ["teams", "console"] });
    // The console (on loopback here, as Emulator mode binds 127.0.0.1) serves the bundles the build wrote.
    const bundle = await fetch(`${url}/console/assets/playground.js`);
    expect(bundle.status).toBe(200);
    expect(
      Buffer.from(await bundle.arrayBuffer()).equals(
        readFileSync(path.join(outDir, "console-assets", "playground.js")),
      ),
    ).toBe(true);
    expect(stderr).toContain("UNAUTHENTICATED for the Bot Framework Emulator on 127.0.0.1");
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    // prom-client from its bundle: the default process metrics and the bot's own.
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toContain("process_resident_memory_bytes");
    expect(metrics).toContain("http_requests_total");

    const turn = fetch(`${url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        type: "message",
        id: "activity-1",
        text: "fault 303-RSC",
        channelId: "emulator",
        serviceUrl,
        from: { id: "user-1", name: "Ann" },
        recipient: { id: "bot-1", name: "cpbot" },
        conversation: { id: "conversation-1" },
      }),
    });
    await arrived;
    child.kill("SIGTERM");
    // The turn in progress completes (its reply delivered), and only then does the process exit, with 0.
    expect((await turn).status).toBeLessThan(300);
    expect(replies.join("\n")).toContain("303-RSC");
    expect(await exited).toBe(0);
    expect(stderr).toContain("SIGTERM received");
    expect(stderr).toContain("stopped");
    connector.close();
  }, 180_000);
});
