import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { builtFromFile, bundleConsoleAssets, clientSourcesHash } from "./console-assets.ts";

/**
 * `npm run build` (scripts/build.js) calls this with dist/console-assets: the compiled server serves these
 * bundles instead of bundling the browser sources at start-up. Returns "name bytes" per file for its log.
 */
export async function writeConsoleAssets(dir: string): Promise<string[]> {
  // Hashed before bundling: a client edited meanwhile leaves a stamp that does not match it.
  const from = clientSourcesHash();
  const assets = await bundleConsoleAssets();
  mkdirSync(dir, { recursive: true });
  for (const asset of assets.values()) writeFileSync(path.join(dir, asset.name), asset.body);
  // Running from the TypeScript sources reuses these bundles while the client is unchanged.
  writeFileSync(path.join(dir, builtFromFile), `${from}\n`);
  return [...assets.values()].map((a) => `${a.name} ${a.body.length} bytes`);
}
