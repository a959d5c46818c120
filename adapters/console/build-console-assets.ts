import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { builtAssetsDir, bundleConsoleAssets } from "./console-assets.ts";

/** `npm run build`: writes the console's bundles into dist/console-assets for the compiled server. */
const assets = await bundleConsoleAssets();
mkdirSync(builtAssetsDir, { recursive: true });
for (const asset of assets.values()) writeFileSync(path.join(builtAssetsDir, asset.name), asset.body);
process.stdout.write(
  `console assets: ${[...assets.values()].map((a) => `${a.name} ${a.body.length} bytes`).join(", ")} → ${builtAssetsDir}\n`,
);
