import type { Card } from "../../src/cards/card-schema.ts";
import type { Playbook } from "../../src/playbooks/playbook-schema.ts";
import { didYouMeanCard } from "../../src/render/did-you-mean-card.ts";
import { errorCard } from "../../src/render/error-card.ts";
import { escalateFormCard } from "../../src/render/escalate-form-card.ts";
import { escalationCard, escalationStatusCard } from "../../src/render/escalation-card.ts";
import { escalationsListCard } from "../../src/render/escalations-list-card.ts";
import { helpCard } from "../../src/render/help-card.ts";
import { infoCard } from "../../src/render/info-card.ts";
import { noMatchCard } from "../../src/render/no-match-card.ts";
import { articleCard, overviewCard } from "../../src/render/overview-card.ts";
import { playbookListCard } from "../../src/render/playbook-list-card.ts";
import { statsCard } from "../../src/render/stats-card.ts";
import { stepCard } from "../../src/render/step-card.ts";
import { allSteps } from "../../src/render/step-items.ts";
import { toolResultCard } from "../../src/render/tool-result-card.ts";
import { unknownWordCard } from "../../src/render/unknown-word-card.ts";
import { validationCard } from "../../src/render/validation-card.ts";
import { walkthroughEndCard } from "../../src/render/walkthrough-end-card.ts";
import type { ToolResult } from "../../src/tools/tool-result.ts";

/** A realistic tool result for `playbook`, with every part filled so every converter path runs. */
export function sampleResult(playbook: Playbook, overrides: Partial<ToolResult> = {}): ToolResult {
  return {
    tool: "latest-status",
    playbook: playbook.id,
    verdict: "problem",
    summary: "Port 1 is OUT_OF_SERVICE",
    figures: [
      { label: "Port 1", value: "OUT_OF_SERVICE" },
      { label: "Port 2", value: "AVAILABLE" },
    ],
    explanation: ["The 8th field of a port line is the port state."],
    errors: [{ field: "line 3", code: "not_a_port_line", message: "Line 3 does not start with a port number." }],
    next: ["Reboot the station from the dashboard."],
    ...overrides,
  };
}

/** Every card kind the bot sends, built for `playbook` (one step card per step), keyed by a readable name. */
export function cardsFor(playbook: Playbook, all: Playbook[]): [string, Card][] {
  const others = all.filter((p) => p.id !== playbook.id).slice(0, 4);
  const steps = allSteps(playbook);
  const result = sampleResult(playbook);
  const ids = steps.map((s) => s.step.id);
  return [
    ["overview", overviewCard(playbook)],
    ["article", articleCard(playbook, "station is down")],
    [
      "overview (matched)",
      overviewCard(playbook, {
        query: `${playbook.triggers.phrases[0]} on station 12`,
        confidence: 0.82,
        explanation: ["phrase match", "keyword match"],
        alternatives: others.map((p, i) => ({ playbook: p, confidence: 0.5 - i / 10 })),
      }),
    ],
    ...steps.map(({ step, section }, i): [string, Card] => [
      `step ${step.id}`,
      stepCard({
        session: "sess-1",
        playbook,
        step,
        index: i + 1,
        total: steps.length,
        section,
        canGoBack: i > 0,
        ...(step.input ? { previousResult: result, error: "Paste at least one port line." } : {}),
      }),
    ]),
    [
      "walkthrough end",
      walkthroughEndCard({ session: "sess-1", playbook, done: ids.slice(0, -1), skipped: ids.slice(-1) }),
    ],
    [
      "did you mean",
      didYouMeanCard(
        playbook.title,
        [playbook, ...others].map((p, i) => ({ playbook: p, confidence: 0.6 - i / 20 })),
      ),
    ],
    [
      "no match",
      noMatchCard("my cat ate the cable", others, { why: "This looks like Billing, which has no playbook." }),
    ],
    [
      "escalate form",
      escalateFormCard({ initial: "my cat ate the cable", error: "Say what is wrong in a few words." }),
    ],
    ["unknown word", unknownWordCard("stast since 2025-01-31", "stats")],
    ["help", helpCard([{ usage: "/cp <question>", summary: "Find the playbook for a problem." }])],
    ["list", playbookListCard(all)],
    ["validation", validationCard(sampleResult(playbook, { verdict: "invalid" }))],
    ["tool result", toolResultCard(result)],
    [
      "escalation",
      escalationCard({
        id: "ESC-7",
        status: "open",
        requester: { id: "U123", name: "Dana" },
        openedAt: "2025-03-04T09:15:00Z",
        originLink: "https://example.slack.com/archives/C1/p1700000000000100",
        question: playbook.triggers.phrases[0],
        playbook,
        stepsDone: ids.slice(0, 2),
        stepsSkipped: ids.slice(2, 3),
        inputs: [{ step: ids[0] ?? "x", label: "Port lines", value: "1,J1772,ENABLE,OUT_OF_SERVICE" }],
        toolResults: [result],
        evidence: playbook.escalation.evidence.map((e, i) => ({
          label: e.label,
          required: e.required,
          provided: i === 0,
        })),
        note: "Customer waiting on site.",
        history: [
          { escalation: "ESC-7", status: "open", by: { id: "U123", name: "Dana" }, at: "2025-03-04T09:15:00Z" },
        ],
      }),
    ],
    [
      "escalation status",
      escalationStatusCard({
        escalation: "ESC-7",
        status: "claimed",
        previous: "open",
        by: { id: "U9", name: "Sam" },
        at: "2025-03-04T09:20:00Z",
        note: "Looking at the alarm log.",
        subject: playbook.title,
      }),
    ],
    [
      "escalations",
      escalationsListCard([
        { id: "ESC-7", playbook: playbook.title, requester: "Dana", status: "open", ageMinutes: 95, note: "on site" },
        { id: "ESC-8", playbook: "“no playbook question”", requester: "Lee", status: "need-info", ageMinutes: 3000 },
      ]),
    ],
    [
      "stats",
      statsCard({
        period: "last 7 days",
        questions: 42,
        perPlaybook: all.map((p, i) => ({
          title: p.title,
          questions: i + 1,
          walkthroughsStarted: i,
          walkthroughsCompleted: Math.floor(i / 2),
          escalations: i % 3,
        })),
        unmatched: [{ query: "station smells of smoke", count: 2 }],
        lowConfidence: [{ query: "weird light", playbook: playbook.title, confidence: 0.31 }],
        dropOff: [{ playbook: playbook.title, step: ids[0] ?? "x", count: 3 }],
      }),
    ],
    ["info", infoCard("Walkthrough cancelled", ["Ask again any time."])],
    ["error", errorCard("The playbook store is not reachable right now. Try again in a minute.", "store_unavailable")],
  ];
}
