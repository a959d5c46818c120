import { describe, expect, it } from "vitest";
import type { Card } from "../../src/cards/card-schema.ts";
import { readGuide } from "../../src/playbooks/guide-lines.ts";
import { placedSteps } from "../../src/playbooks/lint-playbook.ts";
import { lintProvenance } from "../../src/playbooks/lint-provenance.ts";
import { loadRegistry } from "../../src/playbooks/playbook-registry.ts";
import { overviewCard } from "../../src/render/overview-card.ts";
import { stepCard } from "../../src/render/step-card.ts";

const guide = readGuide();
const playbooks = loadRegistry().all();

/** The guide's 15 "contact Support" conditions, found in the guide text itself. */
const supportLines = Array.from({ length: guide.count }, (_, i) => i + 1).filter((n) =>
  /\b(contact|reach out to) Support\b|\bby contacting Support\b/i.test(guide.line(n) ?? ""),
);
const lineSet = (source: string | undefined) => {
  const out = new Set<number>();
  for (const part of source?.split(",") ?? []) {
    const [a, b] = part.trim().split("-").map(Number) as [number, number | undefined];
    for (let n = a; n <= (b ?? a); n++) out.add(n);
  }
  return out;
};
const sentences = (card: Card) =>
  JSON.stringify(card)
    .split(/(?<=[.!?])\s+|\\n|","/)
    .filter((s) => /\bSupport\b/.test(s));

describe("every Support sentence against the guide's 15 contact Support conditions", () => {
  it("the guide has exactly 15 of them", () => {
    expect(supportLines).toHaveLength(15);
  });

  it("each of the 15 is cited by a step that says 'The guide says to contact Support'", () => {
    const cited = new Set<number>();
    for (const p of playbooks)
      for (const { step } of placedSteps(p))
        if (step.escalate) for (const n of lineSet(step.source)) if (supportLines.includes(n)) cited.add(n);
    expect([...cited].sort((a, b) => a - b)).toEqual(supportLines);
  });

  it.each(playbooks.map((p) => [p.id, p] as const))(
    "%s: rendered Support sentences are the guide's or marked as the team's",
    (_id, p) => {
      for (const [i, { step }] of placedSteps(p).entries()) {
        const card = stepCard({
          session: "s",
          playbook: p,
          step,
          index: i + 1,
          total: 99,
          section: "x",
          canGoBack: false,
        });
        const claims = sentences(card).filter((s) => s.includes("The guide says to contact Support"));
        if (claims.length > 0) {
          expect(step.escalate, `${p.id}/${step.id}`).toBe(true);
          expect(
            [...lineSet(step.source)].some((n) => supportLines.includes(n)),
            `${p.id}/${step.id} cites no Support line`,
          ).toBe(true);
        }
      }
      for (const rule of p.escalation.when) {
        const cites = [...lineSet(rule.source)].some((n) => supportLines.includes(n));
        const marked = rule.addition !== undefined && /^(Team practice|Not from the guide)/.test(rule.text);
        expect(cites || marked, `${p.id}: "${rule.text}"`).toBe(true);
      }
      // The overview shows the rules as written, so a team rule never reads as the guide's.
      const overview = JSON.stringify(overviewCard(p));
      for (const rule of p.escalation.when.filter((r) => r.addition))
        expect(overview).toContain(rule.text.slice(0, 40));
    },
  );

  it.each(playbooks.map((p) => [p.id, p] as const))("%s passes the provenance lint", (_id, p) => {
    expect(lintProvenance(`${p.id}.yaml`, p, guide)).toEqual([]);
  });
});
