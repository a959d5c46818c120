import { loadConfig } from "../../src/config/load-config.ts";
import { readSettings, type SettingInfo, type SettingName, settings } from "../../src/config/settings-schema.ts";
import { hasSlackCredentials, loadSlackConfig } from "../slack/slack-config.ts";
import { hasTeamsAppId, loadTeamsConfig } from "../teams/teams-config.ts";

export interface ConfigReport {
  lines: string[];
  problems: string[];
}

const groups: { group: SettingInfo["group"]; title: string }[] = [
  { group: "core", title: "Core" },
  { group: "slack", title: "Slack" },
  { group: "teams", title: "Microsoft Teams" },
  { group: "teams-package", title: "Teams app package (npm run teams:package)" },
];

/** The lines of a BotError's "- problem" list, or its whole message when it has none. */
function problemLines(error: unknown): string[] {
  const message = error instanceof Error ? error.message : String(error);
  const listed = message.split("\n").filter((line) => line.startsWith("- "));
  return listed.length > 0 ? listed.map((line) => line.slice(2)) : [message];
}

function attempt(load: () => unknown): string[] {
  try {
    load();
    return [];
  } catch (error) {
    return problemLines(error);
  }
}

/**
 * What `cpbot config check` prints: every setting with its effective value (secrets only as "set"),
 * whether Slack and Teams are on, off or partly configured, and every problem with its fix.
 */
export function configReport(env: Record<string, string | undefined>): ConfigReport {
  const values = readSettings(env);
  const isSet = (name: SettingName) => values[name] !== undefined;
  const problems = attempt(() => loadConfig(env));
  const width = Math.max(...Object.keys(settings).map((n) => n.length));
  const lines: string[] = [];

  const slackNames = (Object.keys(settings) as SettingName[]).filter((n) => settings[n].group === "slack");
  const slackSet = slackNames.filter(isSet);
  let slack = "not configured (set SLACK_BOT_TOKEN to turn it on)";
  if (hasSlackCredentials(env)) {
    const found = attempt(() => loadSlackConfig(env));
    problems.push(...found.map((p) => `Slack: ${p}`));
    slack = found.length > 0 ? "PROBLEM (see below)" : isSet("SLACK_APP_TOKEN") ? "on (Socket Mode)" : "on (HTTP)";
  } else if (slackSet.length > 0) {
    problems.push(
      `Slack is partly configured: ${slackSet.join(", ")} set but SLACK_BOT_TOKEN is not. Set SLACK_BOT_TOKEN (OAuth & Permissions → Bot User OAuth Token), or unset the others.`,
    );
    slack = "PROBLEM: partly configured";
  }

  const teamsNames = (Object.keys(settings) as SettingName[]).filter((n) => settings[n].group === "teams");
  const teamsCredentials = teamsNames.filter(
    (n) => isSet(n) && ["MicrosoftAppPassword", "MicrosoftAppType", "MicrosoftAppTenantId"].includes(n),
  );
  let teams = hasSlackCredentials(env)
    ? "not configured (set MicrosoftAppId to turn it on)"
    : "Bot Framework Emulator mode: unauthenticated, on 127.0.0.1 only (set MicrosoftAppId for Teams)";
  if (hasTeamsAppId(env) || teamsCredentials.length > 0) {
    const found = attempt(() => loadTeamsConfig(env));
    if (!hasTeamsAppId(env) && found.length === 0) {
      found.push(
        `${teamsCredentials.join(", ")} set but MicrosoftAppId is not: set the bot's app id too, or unset the others`,
      );
    }
    problems.push(...found.map((p) => `Teams: ${p}`));
    const type = values.MicrosoftAppType ?? settings.MicrosoftAppType.default;
    teams = found.length > 0 ? "PROBLEM (see below)" : `on (${type})`;
  } else {
    problems.push(...attempt(() => loadTeamsConfig(env)).map((p) => `Teams: ${p}`));
  }

  for (const { group, title } of groups) {
    const status = group === "slack" ? `: ${slack}` : group === "teams" ? `: ${teams}` : "";
    lines.push(`${title}${status}`);
    for (const [name, info] of Object.entries(settings) as [SettingName, SettingInfo][]) {
      if (info.group !== group) continue;
      const value = values[name];
      const shown =
        value === undefined
          ? info.default === undefined
            ? "(unset)"
            : `${info.default} (default)`
          : info.secret
            ? "(set, hidden)"
            : value;
      lines.push(`  ${name.padEnd(width)}  ${shown}`);
    }
    lines.push("");
  }
  return { lines, problems };
}
