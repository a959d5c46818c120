/** One distinct question as the inbox sees it: the wording, how often it was asked, what the matcher thought. */
export interface InboxQuestion {
  text: string;
  /** "abstain", "unknown-code", "out-of-scope", "ambiguous" or a low-confidence "match". */
  kind: string;
  count: number;
  lastAt: string;
  bestGuess?: string;
  confidence?: number;
}

/** Questions that share what they are about, named by the terms they share. */
export interface QuestionGroup {
  /** The shared terms, most common first ("screen blank"). */
  name: string;
  terms: string[];
  /** How many times the group's questions were asked in all. */
  asked: number;
  /** Every question in the group, most asked first; `representatives` are the first three. */
  questions: InboxQuestion[];
  representatives: InboxQuestion[];
}

/** Two questions belong together when they share this many content terms, or most of the shorter one. */
const sharedTermsToJoin = 2;
const shortQuestionOverlap = 0.5;

/**
 * Groups questions deterministically by the content terms they share (the matcher's own analysis, so
 * "scren" and "screen", "fob" and "card" count as the same term). Single-linkage over a fixed order: the
 * same inbox always gives the same groups, whatever order the store returned it in. No model, no
 * randomness; a question that shares nothing stays a group of its own.
 */
export function groupQuestions(
  questions: readonly InboxQuestion[],
  termsOf: (text: string) => readonly string[],
): QuestionGroup[] {
  const sorted = [...questions].sort((a, b) => a.text.localeCompare(b.text) || a.kind.localeCompare(b.kind));
  const terms = sorted.map((q) => new Set(termsOf(q.text)));
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      if (!belongTogether(terms[i]!, terms[j]!)) continue;
      const [a, b] = [find(i), find(j)].sort((x, y) => x - y) as [number, number];
      parent[b] = a;
    }
  }
  const members = new Map<number, number[]>();
  sorted.forEach((_, i) => {
    const root = find(i);
    members.set(root, [...(members.get(root) ?? []), i]);
  });
  const groups = [...members.values()].map((idx) =>
    toGroup(
      idx.map((i) => sorted[i]!),
      idx.map((i) => terms[i]!),
    ),
  );
  return groups.sort((a, b) => b.asked - a.asked || a.name.localeCompare(b.name));
}

function belongTogether(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared >= sharedTermsToJoin || shared / Math.min(a.size, b.size) > shortQuestionOverlap;
}

function toGroup(questions: InboxQuestion[], terms: ReadonlySet<string>[]): QuestionGroup {
  const byTerm = new Map<string, number>();
  for (const set of terms) for (const t of set) byTerm.set(t, (byTerm.get(t) ?? 0) + 1);
  // A group of one is named by its own terms; a larger one by the terms at least half its questions share.
  const floor = questions.length === 1 ? 1 : Math.ceil(questions.length / 2);
  const shared = [...byTerm]
    .filter(([, n]) => n >= floor)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([t]) => t)
    .slice(0, 4);
  const ordered = [...questions].sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
  return {
    name: shared.join(" ") || ordered[0]!.text.slice(0, 40),
    terms: shared,
    asked: questions.reduce((n, q) => n + q.count, 0),
    questions: ordered,
    representatives: ordered.slice(0, 3),
  };
}
