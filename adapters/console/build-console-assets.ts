import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bundleConsoleAssets } from "./console-assets.ts";

/**
 * `npm run build` (scripts/build.js) calls this with dist/console-assets: the compiled server serves these
 * bundles instead of bundling the browser sources at start-up. Returns "name bytes" per file for its log.
 */
export async function writeConsoleAssets(dir: string): Promise<string[]> {
  const assets = await bundleConsoleAssets();
  mkdirSync(dir, { recursive: true });
  for (const asset of assets.values()) writeFileSync(path.join(dir, asset.name), asset.body);
  return [...assets.values()].map((a) => `${a.name} ${a.body.length} bytes`);
}
