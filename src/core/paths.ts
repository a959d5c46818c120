import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The package root, so the bot finds its playbooks and templates from any working directory. Found by
 * walking up to package.json rather than a fixed "../..", so the compiled copy in dist/ finds them too.
 */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "playbooks"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start, "../..");
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const defaultPlaybooksDir = path.join(projectRoot, "playbooks") + path.sep;
export const defaultTemplatesDir = path.join(projectRoot, "templates") + path.sep;
