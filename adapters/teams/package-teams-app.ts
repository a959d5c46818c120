import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { strToU8, zipSync } from "fflate";
import { BotError } from "../../src/core/bot-error.ts";
import { checkTeamsManifest } from "./check-teams-manifest.ts";

/**
 * `npm run teams:package`: fills teams/manifest.json's {{PLACEHOLDERS}} from the environment, checks the
 * result the way Teams will, and writes teams/build/cpbot-teams.zip (manifest.json, color.png,
 * outline.png at the zip's root) to upload in Teams or the Developer Portal.
 */
export interface PackageOptions {
  env: Record<string, string | undefined>;
  /** The repository root (holds teams/). */
  root: string;
  /** Default teams/build/cpbot-teams.zip under root. */
  outFile?: string;
}

export interface PackageResult {
  file: string;
  manifest: Record<string, unknown>;
  warnings: string[];
}

export function packageTeamsApp(options: PackageOptions): PackageResult {
  const { env, root } = options;
  const appId = (env.MicrosoftAppId ?? env.MICROSOFT_APP_ID)?.trim();
  if (!appId) {
    throw new BotError(
      "MicrosoftAppId is not set. Set it to the bot's Microsoft App ID (Azure Bot resource → Configuration, or Teams Developer Portal → Bot management) and run `npm run teams:package` again, e.g. MicrosoftAppId=00000000-0000-0000-0000-000000000000 npm run teams:package",
      "config_invalid",
    );
  }
  const warnings: string[] = [];
  const site = env.TEAMS_DEVELOPER_URL?.trim();
  if (!site)
    warnings.push(
      "TEAMS_DEVELOPER_URL is not set: the manifest links to https://example.com; set your support site for production.",
    );
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version?: string };
  const values: Record<string, string> = {
    MICROSOFT_APP_ID: appId,
    TEAMS_APP_VERSION: env.TEAMS_APP_VERSION?.trim() || pkg.version || "1.0.0",
    TEAMS_DEVELOPER_NAME: env.TEAMS_DEVELOPER_NAME?.trim() || "cpbot",
    TEAMS_DEVELOPER_URL: site || "https://example.com",
    TEAMS_PRIVACY_URL: env.TEAMS_PRIVACY_URL?.trim() || site || "https://example.com",
    TEAMS_TERMS_URL: env.TEAMS_TERMS_URL?.trim() || site || "https://example.com",
  };

  const template = readFileSync(join(root, "teams", "manifest.json"), "utf8");
  const unknown = new Set<string>();
  // Values are JSON-escaped so a quote in a developer name cannot break the manifest.
  const filled = template.replace(/\{\{([A-Z0-9_]+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) unknown.add(key);
    return JSON.stringify(value ?? "").slice(1, -1);
  });
  if (unknown.size > 0) {
    throw new BotError(
      `teams/manifest.json uses placeholders cpbot does not fill: ${[...unknown].join(", ")}`,
      "config_invalid",
    );
  }
  const manifest = JSON.parse(filled) as Record<string, unknown>;
  const color = readFileSync(join(root, "teams", "color.png"));
  const outline = readFileSync(join(root, "teams", "outline.png"));
  const problems = checkTeamsManifest(manifest, { color, outline });
  if (problems.length > 0) {
    throw new BotError(`The Teams app package is not valid:\n- ${problems.join("\n- ")}`, "config_invalid");
  }
  const file = options.outFile ?? join(root, "teams", "build", "cpbot-teams.zip");
  mkdirSync(dirname(file), { recursive: true });
  const zip = zipSync({
    "manifest.json": strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
    "color.png": color,
    "outline.png": outline,
  });
  writeFileSync(file, zip);
  return { file, manifest, warnings };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("../../", import.meta.url));
  try {
    const result = packageTeamsApp({ env: process.env, root });
    for (const warning of result.warnings) console.warn(`warning: ${warning}`);
    console.log(
      `Wrote ${relative(process.cwd(), result.file)}: upload it in Teams (Apps → Manage your apps → Upload an app).`,
    );
  } catch (error) {
    console.error(error instanceof BotError ? error.message : error);
    process.exitCode = 1;
  }
}
