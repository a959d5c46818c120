import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Activity } from "botbuilder";
import type { FakeTeamsService, TeamsCall } from "./fake-teams-service.ts";

/** The bot's app registration in these tests (any GUID; the fake's tokens are made out to it). */
export const teamsAppId = "9d5f3a0e-1c2b-4a6d-8e7f-0a1b2c3d4e5f";
export const teamsSupportChannel = "19:5a6b7c8d9e0f4a1b2c3d4e5f6a7b8c9d@thread.tacv2";

const preload = path.join(import.meta.dirname, "route-microsoft-to-loopback.mjs");

/**
 * The settings of a `cpbot serve` child with Teams on (authenticated, an app id and password) talking to
 * `teams`: proactive posts go to the fake (TEAMS_SERVICE_URL), and the preload answers Microsoft's login
 * hosts from it. Production settings only, plus the preload that exists for tests alone.
 */
export function teamsEnv(teams: FakeTeamsService): Record<string, string> {
  return {
    MicrosoftAppId: teamsAppId,
    MicrosoftAppPassword: "s3cr3t~AppPassword.Value_123",
    // An existing multi-tenant bot: MSAL asks login.microsoftonline.com/botframework.com for its token.
    MicrosoftAppType: "MultiTenant",
    TEAMS_ESCALATION_CONVERSATION: teamsSupportChannel,
    TEAMS_SERVICE_URL: teams.globalServiceUrl,
    CPBOT_TEST_MICROSOFT_URL: teams.url,
    NODE_OPTIONS: `--import=${pathToFileURL(preload).href}`,
  };
}

/**
 * POSTs `activity` to a replica's /api/messages as the Bot Framework channel does (its serviceUrl pointed at
 * the fake, signed with the fake's key unless `signed` is false). Resolves to the HTTP status; rejects when
 * the connection dies.
 */
export async function sendActivity(
  replicaUrl: string,
  teams: FakeTeamsService,
  activity: Activity,
  options: { signed?: boolean } = {},
): Promise<number> {
  const sent = { ...activity, serviceUrl: teams.serviceUrl };
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.signed !== false) headers.authorization = await teams.authorization(sent, teamsAppId);
  const response = await fetch(`${replicaUrl}/api/messages`, { method: "POST", headers, body: JSON.stringify(sent) });
  await response.text();
  return response.status;
}

/**
 * True when no two accepted posts or edits carried the same cards: nothing went out twice, whether as the
 * reply in the turn or later as a proactive message.
 */
export function noneTwice(calls: TeamsCall[]): boolean {
  const bodies = calls.map((c) => JSON.stringify(c.body.attachments ?? c.body));
  return new Set(bodies).size === bodies.length;
}
