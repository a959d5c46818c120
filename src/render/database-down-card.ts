import type { Card } from "../cards/card-schema.ts";
import { infoCard } from "./info-card.ts";

/** Marks the words as ours: cards otherwise carry the guide's wording, and this is not from the guide. */
const teamNote = "Team note (cpbot operations, not from the ChargePoint guide).";

/**
 * What a person sees while the database cannot be reached. "redelivered": the platform keeps the message
 * and sends it again (a Slack event answered 503), so the answer follows by itself. "not-acted": nothing
 * will send it again (a slash command, a button, a Teams message), so the person is asked to.
 */
export function databaseDownCard(kind: "redelivered" | "not-acted"): Card {
  const lines =
    kind === "redelivered"
      ? [
          "cpbot cannot reach its database for the moment. Nothing you sent is lost: Slack sends your message again, and the answer comes here once the database is back, usually within a few minutes.",
          "If no answer has come in 10 minutes, ask again.",
        ]
      : [
          "cpbot cannot reach its database for the moment, so it did not act on this. Nothing already stored is lost.",
          "Try again in a minute.",
        ];
  return infoCard("cpbot cannot reach its database", [...lines, teamNote]);
}
