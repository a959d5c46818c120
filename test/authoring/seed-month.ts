import type { AnalyticsEvent } from "../../src/store/store.ts";

/**
 * A month of recorded questions as a support channel produces them: a few recurring unanswered themes in
 * several wordings, low-confidence matches, chatter outside the guide, and ordinary matches that must
 * stay out of the inbox. Deterministic: day and hour come from the position in the list.
 */
const themes: { type: AnalyticsEvent["type"]; texts: string[]; playbook?: string; confidence?: number }[] = [
  {
    type: "abstain",
    texts: [
      "how do I refund a driver for a failed session",
      "driver wants a refund for a session that failed",
      "refund the driver for that session",
      "can we refund the driver's session fee",
    ],
  },
  {
    type: "match",
    playbook: "rfid-reader",
    confidence: 0.41,
    texts: [
      "fob does nothing when tapped on the pedestal",
      "tapping the fob on the pedestal does nothing",
      "pedestal ignores the fob tap",
    ],
  },
  {
    type: "abstain",
    texts: [
      "solar canopy output report for the garage",
      "where is the solar output report",
      "solar canopy report missing",
    ],
  },
  { type: "match", playbook: "station-messages", confidence: 0.97, texts: ["set the station message line 1"] },
  { type: "abstain", texts: ["lol thanks", "asdf qwerty"] },
];

export function seedMonth(start = Date.UTC(2026, 9, 1)): AnalyticsEvent[] {
  const events: AnalyticsEvent[] = [];
  let n = 0;
  for (let day = 0; day < 30; day++) {
    for (const theme of themes) {
      // Each theme comes up every few days, cycling through its wordings, like a real channel.
      if ((day + themes.indexOf(theme)) % 3 !== 0) continue;
      const text = theme.texts[n++ % theme.texts.length]!;
      const at = new Date(start + day * 86_400_000 + (9 + (n % 8)) * 3_600_000).toISOString();
      events.push({
        type: theme.type,
        at,
        platform: "slack",
        conversation: `slack:C1:${day}.${n}`,
        user: `U${n % 5}`,
        text,
        ...(theme.playbook ? { playbook: theme.playbook } : {}),
        ...(theme.confidence !== undefined ? { confidence: theme.confidence } : {}),
      });
    }
  }
  return events;
}
