/**
 * Two troubles asked about as one ("drivers can't tap their cards, and the station shows offline. same
 * problem?"): the sentences split apart are each half of the question, and the card half alone is the card
 * reader's with no doubt. When the whole message reads as one of these, it decides alone. The sources are
 * those analyse-text.ts gives the readings of offline-as-cause.ts and message-on-unreachable.ts.
 */
export const offlineAsCauseSource = "a station off its link asked as the cause";
export const messageOnUnreachableSource = "a message missing on a station off its link";

export const togetherSources: ReadonlySet<string> = new Set([offlineAsCauseSource, messageOnUnreachableSource]);
