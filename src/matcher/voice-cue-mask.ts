import { anyoneWhoArrivesCues } from "./anyone-who-arrives.ts";
import { cardStepCues } from "./card-step-skipped.ts";
import { defaultNameCues } from "./default-name-shown.ts";
import { feeAtMfhSiteCues } from "./fee-at-mfh-site.ts";
import { notInGroupCues } from "./not-in-group.ts";
import { outputExpectedCues } from "./output-as-expected.ts";
import { ownSpaceCues } from "./own-space-station.ts";
import { simSeatingCues } from "./sim-seating.ts";
import { staleScreenCues } from "./stale-screen-text.ts";
import { stationGroupPayoutCues } from "./station-group-payout.ts";

/**
 * The tenth round's rules each need one of their cue words. Ten passes over every sentence's words cost
 * more than the rules themselves, so one pass sets a bit per rule whose cue is present (analyse-text.ts).
 */
export const voiceRule = {
  staleScreen: 1,
  defaultName: 2,
  feeAtMfhSite: 4,
  anyoneWhoArrives: 8,
  cardStep: 16,
  notInGroup: 32,
  outputExpected: 64,
  stationGroupPayout: 128,
  simSeating: 256,
  ownSpace: 512,
} as const;

const cueSets: readonly (readonly [ReadonlySet<string>, number])[] = [
  [staleScreenCues, voiceRule.staleScreen],
  [defaultNameCues, voiceRule.defaultName],
  [feeAtMfhSiteCues, voiceRule.feeAtMfhSite],
  [anyoneWhoArrivesCues, voiceRule.anyoneWhoArrives],
  [cardStepCues, voiceRule.cardStep],
  [notInGroupCues, voiceRule.notInGroup],
  [outputExpectedCues, voiceRule.outputExpected],
  [stationGroupPayoutCues, voiceRule.stationGroupPayout],
  [simSeatingCues, voiceRule.simSeating],
  [ownSpaceCues, voiceRule.ownSpace],
];

let bitsByWord: Map<string, number> | undefined;

/** The bits of the rules whose cue words the message has. */
export function voiceCueMask(words: readonly string[]): number {
  if (!bitsByWord) {
    bitsByWord = new Map();
    for (const [set, bit] of cueSets) for (const w of set) bitsByWord.set(w, (bitsByWord.get(w) ?? 0) | bit);
  }
  let mask = 0;
  for (const w of words) mask |= bitsByWord.get(w) ?? 0;
  return mask;
}
