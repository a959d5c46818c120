import type { Decision } from "./decide-match.ts";
import type { Candidate } from "./match-result.ts";

/**
 * A few words that only name a symptom several articles share cannot tell those articles apart. The guide
 * gives five fault articles the same first symptoms ("The charging station screen shows the message:
 * Unavailable", "shows as faulted in ChargePoint Cloud Dashboard", "LED light is solid red"): "port faulted"
 * or "unavailable, red light" is any of them, and a sure answer for one is a guess. Such a message gets a
 * did-you-mean with the articles whose symptoms hold all its words, the scorer's order kept.
 *
 * Learnt from the playbooks' own symptom lines, nothing listed by hand: a term is a shared symptom when the
 * symptoms of three articles or more have it (but not a third of them or more, like "station", "screen" or
 * "dashboard", which say nothing either way). A message with any other word of substance says more than the shared symptom and is
 * left to the scorer.
 */
export interface SharedSymptoms {
  /**
   * The articles a short message's terms leave open when they are all shared symptoms (in the scorer's
   * order, the leader first), or undefined when the message says more.
   */
  openArticles(terms: readonly string[], ranked: readonly Candidate[]): Candidate[] | undefined;
}

/** How many articles' symptoms must have a term for it to say nothing of which one. */
const minShared = 3;

/** More terms than this and the message is no title or alert name. */
const maxTerms = 4;

export function buildSharedSymptoms(
  symptomTerms: ReadonlyMap<string, readonly string[]>,
  /** Terms that are only numbers or places ("1", "port") say nothing of which article. */
  isNeutral: (term: string) => boolean,
): SharedSymptoms {
  const articlesOf = new Map<string, Set<string>>();
  for (const [playbook, terms] of symptomTerms) {
    for (const term of new Set(terms)) {
      const set = articlesOf.get(term) ?? new Set<string>();
      set.add(playbook);
      articlesOf.set(term, set);
    }
  }
  // "station", "screen", "ChargePoint Cloud Dashboard": in most symptom lines, they say nothing either way.
  const common = Math.max(minShared + 1, Math.floor(symptomTerms.size * 0.3));
  return {
    openArticles(terms, ranked) {
      if (terms.length === 0 || terms.length > maxTerms) return undefined;
      let open: Set<string> | undefined;
      for (const term of terms) {
        if (isNeutral(term)) continue;
        const articles = articlesOf.get(term);
        // A word two articles share still leans one way ("denied": Access Control's screen, the Waitlist's
        // driver "not allowed to charge"); three or more, and the word no longer says which.
        if (articles === undefined || articles.size < minShared) return undefined;
        if (articles.size >= common) continue;
        open = open ? new Set([...open].filter((a) => articles.has(a))) : new Set(articles);
      }
      if (open === undefined || open.size < 2) return undefined;
      return ranked.filter((c) => open.has(c.playbook));
    },
  };
}

/** Shown no surer than a guess between them: the words name the symptom, not which article's it is. */
const sharedCap = 0.5;

/** The match made a did-you-mean with the next articles that share the symptom. */
export function unsureOfShared(decision: Decision, open: readonly Candidate[]): Decision {
  return {
    kind: "ambiguous",
    playbook: decision.playbook,
    confidence: Math.min(decision.confidence, sharedCap),
    alternatives: open.slice(1, 3).map((c) => ({ ...c, confidence: Math.min(c.confidence, sharedCap) })),
  };
}
