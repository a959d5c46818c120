#!/usr/bin/env node
// The `cpbot` command. TypeScript runs through tsx's loader, so `npx cpbot` works right after `npm ci`
// with no build step.
import { existsSync } from "node:fs";
import { register } from "tsx/esm/api";

// Settings may live in ./.env (see .env.example); variables already in the environment win, because
// process.loadEnvFile never overwrites one that is set.
if (existsSync(".env") && !process.env.CPBOT_NO_DOTENV) process.loadEnvFile(".env");

register();
const { main } = await import("../adapters/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
