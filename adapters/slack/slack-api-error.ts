/**
 * Slack's Web API answers HTTP 200 with `{ ok: false, error: "channel_not_found" }` for most failures;
 * the WebClient throws that as a platform error whose `data.error` is the code worth acting on.
 */
export function slackErrorCode(error: unknown, depth = 0): string | undefined {
  const e = error as { code?: unknown; data?: { error?: unknown }; cause?: unknown } | null;
  if (e && e.code === "slack_webapi_platform_error" && typeof e.data?.error === "string") return e.data.error;
  // A delivery error (the outbox's retry classification) keeps Slack's error as its cause.
  return e?.cause !== undefined && depth < 3 ? slackErrorCode(e.cause, depth + 1) : undefined;
}

/** The channel cannot take posts from cpbot until someone changes Slack (invite, unarchive, fix the id). */
const channelCodes = new Set(["channel_not_found", "not_in_channel", "is_archived", "restricted_action"]);

export function isChannelAccessError(error: unknown): boolean {
  const code = slackErrorCode(error);
  return code !== undefined && channelCodes.has(code);
}

/** What to do about a channel cpbot cannot post in, for the log and for the person who escalated. */
export function channelAccessFix(channel: string, code: string): string {
  switch (code) {
    case "not_in_channel":
      return `cpbot is not a member of channel ${channel}: in that channel, type /invite @cpbot`;
    case "is_archived":
      return `channel ${channel} is archived: unarchive it, or set SLACK_ESCALATION_CHANNEL to another channel`;
    case "restricted_action":
      return `the workspace does not let cpbot post in channel ${channel}: ask a Slack admin to allow it, or pick another channel`;
    default:
      return `cpbot cannot see channel ${channel}: if it is private, type /invite @cpbot in it; otherwise check that SLACK_ESCALATION_CHANNEL is the channel's ID`;
  }
}
