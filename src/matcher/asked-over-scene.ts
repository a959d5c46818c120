import { loneCarCues, saysLoneCarSlow, saysSlowerThanOthers } from "./lone-car-slow.ts";
import { pendingDriverCues, saysDriverPending } from "./pending-driver.ts";
import { saysSomeRefused, someRefusedCues } from "./some-refused.ts";
import type { WordRule } from "./word-gates.ts";

/**
 * The ninth round: two articles' words in one message, where what is observed or asked outranks the scene
 * (each module says why from the guide). Each adds a concept its article is trained on; the scene's words
 * are dropped in neighbour-rules.ts. Read in messages only, and only when a message has one of their words.
 */
export const askedOverSceneRules: readonly WordRule[] = [
  [saysLoneCarSlow, "expected rate", "one car charging below the expected rate", loneCarCues],
  [saysSlowerThanOthers, "energy dispensed low compared level 2", "slower than other chargers", loneCarCues],
  [saysSomeRefused, "access denied", "some drivers refused while others charge", someRefusedCues],
  [saysDriverPending, "waitlist queue", "a driver pending for the waitlist's time frame", pendingDriverCues],
];

export const askedOverSceneCues: ReadonlySet<string> = new Set([
  ...loneCarCues,
  ...someRefusedCues,
  ...pendingDriverCues,
]);
