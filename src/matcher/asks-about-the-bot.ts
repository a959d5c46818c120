/**
 * The bot itself asked about: its updates, its answers, its language, its name, whether it is down or
 * remembers. Its cards and the chat tool share words with the articles ("it keeps giving me the same card",
 * "did the bot get an update?": a card, an update) but no article answers them (intent-cues.ts makes the cue
 * decide alone). A station, a port, a driver or a fault beside the bot keeps the article's question ("the bot
 * told me to check the SIM, the station still shows unreachable").
 */

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);
const any = (words: readonly string[], set: ReadonlySet<string>) => words.some((w) => set.has(w));

const botWords = setOf("bot", "cpbot", "chatbot", "bots");
/** The stations' side: the article asked beside the bot. */
const stationSide = setOf(
  ...["station", "stations", "charger", "chargers", "port", "ports", "evse", "unit", "units", "pedestal", "head"],
  ...["driver", "drivers", "session", "sessions", "unreachable", "offline", "fault", "faulted", "breakaway"],
  ...["relay", "pilot", "ground", "waitlist", "rfid", "reader", "sim", "firmware", "pricing", "remittance"],
  ...["multifamily", "pinpoint", "circuit", "breaker", "kwh", "screen", "display", "message", "messages"],
);

/** The chat tool around the bot (its channel, pings, DMs) is the chat tool's cue already (intent-cues.ts). */
const chatToolSide = setOf(
  ...["channel", "channels", "chat", "ping", "pings", "pinging", "pinged", "mute", "muted", "dm", "dms", "slack"],
  ...["teams", "notification", "notifications", "alerts"],
);

/** Words without one of which `asksAboutTheBot` cannot be true. */
export const aboutTheBotCues: ReadonlySet<string> = botWords;

/** "did the bot get an update? it keeps giving me the same card", "make the bot answer in Spanish". */
export function asksAboutTheBot(words: readonly string[]): boolean {
  return any(words, botWords) && !any(words, stationSide) && !any(words, chatToolSide);
}
