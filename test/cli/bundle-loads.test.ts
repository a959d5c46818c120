import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { SourceMap } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeSlackApi } from "../adapters/slack/fake-slack-api.ts";
import { botToken, escalationChannel, signingSecret } from "../adapters/slack/slack-harness.ts";
import { buildCli } from "../fakes/built-cli.ts";

// Which modules a compiled command loads, read from the process itself (a load hook records every file),
// never from how long it took: the bundle must keep its split points, so `ask` never loads the HTTP server
// or a platform SDK, and `serve` loads botbuilder only when Teams is on.
const run = promisify(execFile);
const recorder = path.resolve(import.meta.dirname, "../fakes/record-loaded-modules.mjs");
const repoRoot = realpathSync(path.resolve(import.meta.dirname, "../.."));
let built: Awaited<ReturnType<typeof buildCli>>;
let outDir: string;
let bundle: string;
let dataDir: string;

beforeAll(async () => {
  built = await buildCli("bundle-loads");
  // The real path: Node records modules by it, and node_modules may be a link (a shared install).
  outDir = realpathSync(path.dirname(path.dirname(path.dirname(built.main))));
  bundle = path.join(outDir, "bundle", "cli.js");
  dataDir = mkdtempSync(path.join(tmpdir(), "cpbot-bundle-"));
}, 180_000);
afterAll(() => {
  built?.remove();
  rmSync(dataDir, { recursive: true, force: true });
});

const bareEnv = (modulesFile: string, extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? "",
  CPBOT_NO_DOTENV: "1",
  CPBOT_TEST_MODULES_FILE: modulesFile,
  ...extra,
});
let runs = 0;
const modulesFile = () => path.join(dataDir, `modules-${++runs}.txt`);
/** The files a run loaded, relative to the build's folder where they come from it ("bundle/cli.js"). */
const loaded = (file: string): string[] =>
  existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((f) => (f.startsWith(outDir + path.sep) ? path.relative(outDir, f) : f))
    : [];
const fromBuild = (files: string[]) => files.filter((f) => !path.isAbsolute(f));
const packageLoaded = (files: string[], name: string) => files.some((f) => f.includes(`/node_modules/${name}/`));

describe("the compiled command line's bundle (dist/bundle)", () => {
  it("`ask` answers from the bundle without the HTTP server, Bolt, botbuilder, prom-client or Handlebars' package files, in far fewer files than the per-file tree", async () => {
    const bundled = modulesFile();
    const answer = await run(process.execPath, ["--import", recorder, bundle, "ask", "fault 303-RSC"], {
      cwd: dataDir,
      env: bareEnv(bundled),
    });
    expect(answer.stdout).toContain("Relay Stuck Closed (303-RSC)");
    const files = loaded(bundled);
    const ours = fromBuild(files);
    expect(ours).toContain(path.join("bundle", "cli.js"));
    expect(ours.some((f) => /^bundle[/\\]ask-\w+\.js$/.test(f))).toBe(true);
    // Only the bundle, the vendored zod and the build cache: nothing from the per-file tree.
    expect(ours.filter((f) => !/^(bundle|vendor|cache)[/\\]/.test(f))).toEqual([]);
    expect(ours).toContain(path.join("vendor", "zod.js"));
    // The precompiled templates run on the Handlebars runtime's one-file bundle, not its 21 package files.
    expect(ours).toContain(path.join("vendor", "handlebars-runtime.cjs"));
    expect(ours).not.toContain(path.join("vendor", "prom-client.js"));
    expect(
      ours.filter((f) => /(start-server|serve|slack-platform|teams-platform|console-platform)-\w+\.js$/.test(f)),
    ).toEqual([]);
    for (const name of ["@slack/bolt", "@slack/web-api", "botbuilder", "prom-client", "pino", "handlebars"]) {
      expect(packageLoaded(files, name), name).toBe(false);
    }

    // The same answer from the per-file tree loads every module as its own file.
    const perFile = modulesFile();
    const same = await run(process.execPath, ["--import", recorder, built.main, "ask", "fault 303-RSC"], {
      cwd: dataDir,
      env: bareEnv(perFile),
    });
    expect(same.stdout).toBe(answer.stdout);
    expect(fromBuild(loaded(perFile)).length).toBeGreaterThan(3 * ours.length);
  }, 120_000);

  it("`serve` with Slack loads Bolt and not botbuilder; with no settings (Teams Emulator) it loads botbuilder and answers /healthz", async () => {
    const api = new FakeSlackApi();
    await api.start();
    let slack: Awaited<ReturnType<typeof serveOnce>>;
    try {
      slack = await serveOnce(
        bareEnv(modulesFile(), {
          SLACK_BOT_TOKEN: botToken,
          SLACK_SIGNING_SECRET: signingSecret,
          SLACK_ESCALATION_CHANNEL: escalationChannel,
          SLACK_API_URL: api.apiUrl,
          LOG_LEVEL: "info",
        }),
        "slack.db",
      );
      expect(slack.health).toMatchObject({ status: "ok", platforms: ["slack", "console"] });
      expect(packageLoaded(slack.files, "@slack/bolt")).toBe(true);
      expect(packageLoaded(slack.files, "botbuilder")).toBe(false);
      expect(fromBuild(slack.files).some((f) => /set-up-teams-\w+\.js$/.test(f))).toBe(false);
    } finally {
      await api.close();
    }
    const teams = await serveOnce(bareEnv(modulesFile(), { LOG_LEVEL: "info" }), "teams.db");
    expect(teams.health).toMatchObject({ status: "ok", platforms: ["teams", "console"] });
    expect(packageLoaded(teams.files, "botbuilder")).toBe(true);
    expect(packageLoaded(teams.files, "@slack/bolt")).toBe(false);
    expect(fromBuild(teams.files).some((f) => /set-up-teams-\w+\.js$/.test(f))).toBe(true);
    for (const { files } of [slack, teams]) {
      expect(fromBuild(files).filter((f) => !/^(bundle|vendor|cache|console-assets)[/\\]/.test(f))).toEqual([]);
    }
  }, 120_000);

  it("links a source map beside every bundle file, so a stack trace can name the TypeScript line it came from", () => {
    const names = readdirSync(path.join(outDir, "bundle")).filter((f) => f.endsWith(".js"));
    for (const name of names) {
      expect(readFileSync(path.join(outDir, "bundle", name), "utf8")).toContain(`//# sourceMappingURL=${name}.map`);
    }
    // Where the matcher's factory is defined in its chunk maps back to the line that defines it in src/.
    const read = (name: string) => readFileSync(path.join(outDir, "bundle", name), "utf8");
    const chunk = names.find((f) => read(f).includes("function createMatcher(")) ?? "";
    const lines = read(chunk).split("\n");
    const line = lines.findIndex((l) => /function createMatcher\(/.test(l));
    const column = lines[line]?.indexOf("function createMatcher(") ?? -1;
    expect(line).toBeGreaterThanOrEqual(0);
    const map = new SourceMap(JSON.parse(readFileSync(path.join(outDir, "bundle", `${chunk}.map`), "utf8")));
    const entry = map.findEntry(line, column) as { originalSource?: string; originalLine?: number };
    // Resolved from the folder the build was asked to write (node_modules may be a link elsewhere).
    const asked = path.join(path.dirname(path.dirname(path.dirname(built.main))), "bundle");
    const source = realpathSync(path.resolve(asked, entry.originalSource ?? ""));
    expect(path.relative(repoRoot, source)).toBe(path.join("src", "matcher", "create-matcher.ts"));
    const original = readFileSync(source, "utf8").split("\n")[entry.originalLine ?? -1] ?? "";
    expect(original).toContain("function createMatcher(");
  });
});

/** Starts the bundle's `serve` on loopback, reads /healthz, stops it with SIGTERM; what it loaded. */
async function serveOnce(env: Record<string, string>, database: string) {
  const child = spawn(
    process.execPath,
    ["--import", recorder, bundle, "serve", "--host", "127.0.0.1", "--port", "0", "--database", database],
    { cwd: dataDir, env, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr?.on("data", () => {
        const found = /listening on (http:\/\/[^\s",)]+)/.exec(stderr)?.[1];
        if (found) resolve(found);
      });
      void exited.then(() => reject(new Error(`serve ended before listening:\n${stderr}`)));
    });
    const health = (await (await fetch(`${url}/healthz`)).json()) as unknown;
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    return { health, files: loaded(env.CPBOT_TEST_MODULES_FILE!) };
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
  }
}
