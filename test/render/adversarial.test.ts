import { describe, expect, it } from "vitest";
import { cardToText } from "../../adapters/cli/card-to-text.ts";
import { cardToBlockKit, checkBlockKitLimits } from "../../adapters/slack/card-to-block-kit.ts";
import { cardToAdaptiveCard, checkAdaptiveCardSize } from "../../adapters/teams/card-to-adaptive-card.ts";
import { type Card, CardSchema } from "../../src/cards/card-schema.ts";
import { loadPlaybooks } from "../../src/playbooks/load-playbooks.ts";
import { didYouMeanCard } from "../../src/render/did-you-mean-card.ts";
import { errorCard } from "../../src/render/error-card.ts";
import { escalationCard, escalationStatusCard } from "../../src/render/escalation-card.ts";
import { infoCard } from "../../src/render/info-card.ts";
import { noMatchCard } from "../../src/render/no-match-card.ts";
import { overviewCard } from "../../src/render/overview-card.ts";
import { stepCard } from "../../src/render/step-card.ts";
import { toolResultCard } from "../../src/render/tool-result-card.ts";
import { validationCard } from "../../src/render/validation-card.ts";
import { adaptiveCardValidator } from "../adapters/adaptive-card-schema.ts";
import { sampleResult } from "./card-samples.ts";

const { playbooks } = loadPlaybooks();
const playbook = playbooks.find((p) => p.solution.some((s) => s.input)) ?? playbooks[0]!;
const inputStep = playbook.solution.find((s) => s.input) ?? playbook.solution[0]!;
const validate = adaptiveCardValidator();

const huge = Array.from({ length: 1000 }, (_, i) => `w${i % 10}rd`).join(" "); // 5,000 characters of words
const values: Record<string, string> = {
  quotes: "he said \"reboot it\" and 'left'",
  backslashes: "C:\\chargepoint\\logs\\ and \\n literally",
  newlines: "line one\nline two\r\nline three",
  handlebars: "{{title}} {{{json this}}} {{#each x}}{{/each}}",
  emoji: "station 🚗⚡ down 👩🏽‍🔧",
  channel: "<!channel> the charger is on fire",
  here: "<!here> anyone?",
  user: "ask <@U123> or <#C999|noc> or <https://evil.example|click>",
  ampersand: "AT&T modem &amp; SIM &lt;b&gt;",
  "5,000 characters": huge,
  "5,000-character word": "x".repeat(5000),
};

/** Every card that shows something a person typed: a query, a note or a tool result. */
function cardsWith(v: string): [string, Card][] {
  const result = sampleResult(playbook, {
    summary: v,
    figures: [{ label: "Typed", value: v }],
    explanation: [v],
    errors: [{ field: "line 1", code: "bad", message: v }],
  });
  // The overview quotes a one-line question as typed; a long or multi-line paste is summarised instead
  // ("You pasted 3 lines…", tested in card-builders), so only the former must show the same text.
  const quotedWhole = v.length <= 120 && !v.includes("\n");
  return [
    ...(quotedWhole
      ? [["overview query", overviewCard(playbook, { query: v, confidence: 0.7 })] as [string, Card]]
      : []),
    ["did you mean", didYouMeanCard(v, [{ playbook, confidence: 0.5 }])],
    ["no match", noMatchCard(v, playbooks)],
    ["tool result", toolResultCard(result)],
    ["validation", validationCard(result)],
    [
      "step with result and error",
      stepCard({
        session: "s",
        playbook,
        step: inputStep,
        index: 1,
        total: 3,
        section: "Solution",
        canGoBack: false,
        previousResult: result,
        error: v,
      }),
    ],
    [
      "escalation note",
      escalationCard({
        id: "E1",
        status: "need-info",
        requester: { id: "U1", name: v },
        openedAt: "2025-01-01T00:00:00Z",
        question: v,
        stepsDone: [],
        stepsSkipped: [],
        inputs: [{ step: "x", label: "Pasted", value: v }],
        toolResults: [result],
        evidence: [],
        note: v,
        history: [{ escalation: "E1", status: "need-info", by: { id: "U2" }, at: "2025-01-01T00:00:00Z", note: v }],
      }),
    ],
    [
      "escalation status",
      escalationStatusCard({ escalation: "E1", status: "resolved", by: { id: "U2" }, at: "x", note: v }),
    ],
    ["info", infoCard("Notice", [v])],
    ["error", errorCard(v)],
  ];
}

/** Every string in a JSON value except opaque button payloads, which no platform displays. */
function shownStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) for (const v of value) shownStrings(v, out);
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) if (key !== "value" && key !== "data") shownStrings(v, out);
  }
  return out;
}

/** The `text` strings of Slack blocks in reading order (what a person sees, without types and ids). */
function textsOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) textsOf(v, out);
  else if (value && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (key === "text" && typeof v === "string") out.push(v);
      else textsOf(v, out);
    }
  }
  return out;
}

const unescapeSlack = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const noSpace = (s: string) => s.replace(/\s+/g, "");

describe("adversarial values round-trip through every surface", () => {
  for (const [name, v] of Object.entries(values)) {
    describe(name, () => {
      for (const [cardName, card] of cardsWith(v)) {
        it(`${cardName}: valid JSON, same text, no live mention`, () => {
          expect(JSON.parse(JSON.stringify(card))).toEqual(card);
          expect(CardSchema.safeParse(card).success).toBe(true);
          expect(shownStrings(card.blocks).some((s) => s.includes(v))).toBe(true);

          const messages = cardToBlockKit(card);
          const slack = messages.flatMap((m) => [m.text, ...shownStrings(m.blocks)]);
          for (const m of messages) expect(checkBlockKitLimits(m)).toEqual([]);
          // Nothing Slack would parse as markup: every < and > the user typed arrives as an entity.
          for (const s of slack) expect(s).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
          // The blocks in reading order, without the "(continued, 2/3)" lines a split adds between messages.
          const shown = messages
            .flatMap((m) => textsOf(m.blocks))
            .filter((s) => !/\(continued, \d+\/\d+\)$/.test(s))
            .map(unescapeSlack);
          if (v.length < 3000) expect(shown.some((s) => s.includes(v))).toBe(true);
          else expect(noSpace(shown.join(""))).toContain(noSpace(v));

          const teams = cardToAdaptiveCard(card);
          for (const ac of teams) {
            expect(validate(ac)).toBe(true);
            expect(checkAdaptiveCardSize(ac).ok).toBe(true);
          }
          const teamsText = teams.flatMap((ac) => shownStrings(ac));
          if (v.length <= 8000) expect(teamsText.some((s) => s.includes(v))).toBe(true);

          expect(cardToText(card).text).toContain(v);
        });
      }
    });
  }

  it("a button payload keeps a huge query within Slack's 2,000 characters", () => {
    const card = didYouMeanCard(huge, [{ playbook, confidence: 0.5 }]);
    for (const m of cardToBlockKit(card)) expect(checkBlockKitLimits(m)).toEqual([]);
    const buttons = card.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
    for (const b of buttons) expect(JSON.parse(b.value ?? "{}").playbook ?? "none").toBeTruthy();
  });
});
