import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "../../src/core/paths.ts";

export interface ConsoleAsset {
  name: string;
  contentType: string;
  body: Buffer;
  etag: string;
}

/** The browser side: a few ES modules and one stylesheet, bundled by esbuild. */
export const assetEntries: Record<string, string> = {
  "playground.js": "playground.ts",
  "analytics.js": "analytics.ts",
  "console.css": "console.css",
};

// The browser sources stay TypeScript in the package; the compiled dist/ has only their server-side copies.
const clientDir = path.join(projectRoot, "adapters", "console", "client");
/** Where `npm run build` puts the bundles: dist/console-assets, beside the compiled dist/adapters. */
const builtAssetsDir = fileURLToPath(new URL("../../console-assets/", import.meta.url));

const typeOf = (name: string) => (name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8");

function asset(name: string, body: Buffer): ConsoleAsset {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
  return { name, contentType: typeOf(name), body, etag };
}

/** Bundles the client with esbuild (a dev dependency): minified ES2020 modules, no source maps. */
export async function bundleConsoleAssets(): Promise<Map<string, ConsoleAsset>> {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: Object.fromEntries(
      Object.entries(assetEntries).map(([out, src]) => [out.replace(/\.(js|css)$/, ""), path.join(clientDir, src)]),
    ),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none",
    outdir: "out",
    write: false,
    logLevel: "silent",
  });
  const assets = new Map<string, ConsoleAsset>();
  for (const file of result.outputFiles) {
    const name = path.basename(file.path);
    assets.set(name, asset(name, Buffer.from(file.contents)));
  }
  return assets;
}

/** The file `npm run build` writes beside the bundles: the hash of what they were built from. */
export const builtFromFile = "built-from.txt";

/**
 * What the bundles are made of: the client's own files (it imports only types from the server side) and
 * the locked versions of its packages (chart.js, adaptivecards). Equal hashes, equal bundles.
 */
export function clientSourcesHash(): string {
  const hash = createHash("sha256");
  const files = readdirSync(clientDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(`${path.relative(clientDir, file)}\0`).update(readFileSync(file));
  const lock = path.join(projectRoot, "package-lock.json");
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest("hex");
}

/** The bundles in `dir` when they were built from the client as it is now; undefined otherwise. */
export function builtFromCurrentSources(dir: string): Map<string, ConsoleAsset> | undefined {
  const stamp = path.join(dir, builtFromFile);
  if (!existsSync(stamp) || readFileSync(stamp, "utf8").trim() !== clientSourcesHash()) return undefined;
  const names = Object.keys(assetEntries);
  if (!names.every((name) => existsSync(path.join(dir, name)))) return undefined;
  return new Map(names.map((name) => [name, asset(name, readFileSync(path.join(dir, name)))]));
}

let loading: Promise<Map<string, ConsoleAsset>> | undefined;

/**
 * The compiled build serves what `npm run build` bundled; running from the TypeScript sources (tests,
 * CPBOT_FROM_SOURCE=1) serves the build's bundles too when they were built from the client as it is now,
 * and otherwise bundles it once per process at start-up, so an edit to the client shows on the next
 * restart. (Bundling chart.js and adaptivecards took most of a console test's time on a loaded machine.)
 */
export function loadConsoleAssets(): Promise<Map<string, ConsoleAsset>> {
  loading ??= (async () => {
    const compiled = import.meta.url.endsWith(".js");
    if (compiled && existsSync(path.join(builtAssetsDir, "playground.js"))) {
      return new Map(
        Object.keys(assetEntries).map((name) => [name, asset(name, readFileSync(path.join(builtAssetsDir, name)))]),
      );
    }
    return builtFromCurrentSources(path.join(projectRoot, "dist", "console-assets")) ?? bundleConsoleAssets();
  })();
  return loading;
}
