/**
 * Guide, Configure > Station Messages, step 5 note: "Station Message Text Line 1 - max 15 characters ...
 * Line 2 - max 64 characters ... special characters are not allowed: / ~ \" < > |". The guide gives no
 * limit for the name or the description.
 */
export const stationMessageRules = {
  line1: { label: "Line 1", dashboardLabel: "Station Message Text Line 1", maxChars: 15 },
  line2: { label: "Line 2", dashboardLabel: "Station Message Text Line 2", maxChars: 64 },
  forbidden: ["/", "~", '"', "<", ">", "|"],
} as const;

export type MessageLineRule = (typeof stationMessageRules)["line1" | "line2"];

/** What to type instead of each forbidden character; our suggestion, not the guide's. */
export const forbiddenReplacements: Record<string, string> = {
  "/": "-",
  "~": "-",
  '"': "'",
  "<": "(",
  ">": ")",
  "|": "-",
};
