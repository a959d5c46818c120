#!/usr/bin/env node
// The `cpbot` command. TypeScript runs through tsx's loader, so `npx cpbot` works right after `npm ci`
// with no build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../adapters/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
