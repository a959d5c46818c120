import type { Playbook } from "../src/playbooks/playbook-schema.ts";

/** mulberry32: a tiny seeded PRNG, so the synthetic catalogue is the same on every run and machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = "ka lo mi ter van sol rex dor pul fen gra tis mon bel cor nav zen lum qua hex".split(" ");

/**
 * `count` playbooks that look like the real ones without copying them: each has a few coined topic words
 * of its own (as real playbooks have "breakaway" or "waitlist") and a theme of a dozen words drawn from
 * the real triggers' vocabulary, so shared words ("station", "breaker", "driver") recur across thousands
 * of playbooks, as they would in a real large catalogue. Phrases are 3-8 words from topic and theme.
 */
export function syntheticPlaybooks(real: readonly Playbook[], count: number, seed = 20240601): Playbook[] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Every occurrence counts, so common words are picked more often, as in real text.
  const vocabulary = real
    .flatMap((p) =>
      p.triggers.phrases
        .join(" ")
        .toLowerCase()
        .split(/[^a-z0-9]+/),
    )
    .filter((w) => w.length > 2);
  const coined = () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(syllables)).join("");

  return Array.from({ length: count }, (_, i): Playbook => {
    const topic = [coined(), coined(), coined()];
    const theme = Array.from({ length: 12 }, () => pick(vocabulary));
    const phrase = () => {
      const words = Array.from({ length: 3 + Math.floor(random() * 6) }, () =>
        random() < 0.25 ? pick(topic) : pick(theme),
      );
      if (!words.some((w) => topic.includes(w))) words[Math.floor(random() * words.length)] = pick(topic);
      return words.join(" ");
    };
    const id = `synthetic-${String(i + 1).padStart(4, "0")}`;
    return {
      id,
      version: 1,
      title: `${topic[0]} ${pick(theme)} ${topic[1]}`,
      article: `${topic[0]} ${topic[1]} article`,
      section: "Diagnose",
      summary: Array.from({ length: 12 }, () => (random() < 0.3 ? pick(topic) : pick(theme))).join(" "),
      symptoms: [phrase(), phrase()],
      roles: [],
      prerequisites: [],
      background: [],
      troubleshooting: [],
      solution: [{ id: "solve", text: "Do the synthetic thing." }],
      branches: [],
      reference: [],
      escalation: { when: [{ text: "It persists." }], evidence: [] },
      triggers: { phrases: Array.from({ length: 18 }, phrase), keywords: [...topic, pick(theme), pick(theme)] },
    };
  });
}
