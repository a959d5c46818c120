#!/usr/bin/env node
// The `cpbot` command. It runs the JavaScript that `npm ci` (the "prepare" script) or `npm run build`
// compiled into dist/: its bundle, dist/bundle/cli.js (a few files to load instead of hundreds).
// CPBOT_FROM_SOURCE=1 runs the TypeScript through tsx instead (development only: tsx is a dev
// dependency), and so does a checkout that has not been built yet.
import { existsSync } from "node:fs";

const built = new URL("../dist/bundle/cli.js", import.meta.url);
const fromSource = process.env.CPBOT_FROM_SOURCE === "1" || !existsSync(built);
let cli;
if (fromSource) {
  try {
    const { register } = await import("tsx/esm/api");
    register();
  } catch {
    console.error("cpbot: dist/ is missing and tsx is not installed. Run `npm run build` (or `npm ci`) first.");
    process.exit(1);
  }
  cli = await import("../adapters/cli/main.ts");
} else {
  cli = await import(built.href);
}
process.exitCode = await cli.runCommandLine(process.argv.slice(2));
