import { cardActions } from "../cards/card-actions.ts";
import type { Card } from "../cards/card-schema.ts";
import type { Playbook } from "../playbooks/playbook-schema.ts";
import { actions, button, context, header, list, percent, quoted, shorten, text } from "./card-blocks.ts";
import { memoCard } from "./card-memo.ts";
import { feedbackLabels, feedbackQuestion } from "./feedback-labels.ts";
import { articleParts, errorLogFields } from "./overview-article.ts";
import { renderCard } from "./render-card.ts";
import { plannedSteps } from "./step-items.ts";

export interface OverviewOptions {
  /** Other close matches, named on the card; "Not this one?" is offered whenever `query` is set. */
  alternatives?: { playbook: Pick<Playbook, "id" | "title">; confidence?: number }[];
  /** Match confidence, 0..1. */
  confidence?: number;
  /** Why the matcher chose this playbook, one reason per line (shown so the match is explainable). */
  explanation?: string | string[];
  /** What the person asked. */
  query?: string;
  /** Facts the question gave beside the problem ("station CPF-6"), kept for Support and said back. */
  noted?: string[];
}

/** The id of the folded article on an overview; its "Show all steps" button toggles it. */
export const allStepsId = "all-steps";
/** Symptoms shown before the fold; the rest are one press away with the article. */
const briefSymptoms = 3;
/** A pasted log can be pages long; the overview quotes only its start and says how much it read. */
const quotedChars = 120;

/** "You asked …", or for a long paste what it was, so the person sees what the bot read. */
function asked(query: string): string {
  const flat = query.replace(/\s+/g, " ").trim();
  if (flat.length <= quotedChars) return `You asked ${quoted(flat)}`;
  const lines = query.trim().split("\n").length;
  const size = lines > 1 ? `${lines} lines, ${query.length} characters` : `${query.length} characters`;
  return `You pasted ${size}, starting ${quoted(shorten(flat, quotedChars))}`;
}

function matchContext(playbook: Playbook, options: OverviewOptions): string | undefined {
  const parts: string[] = [];
  if (options.query !== undefined) parts.push(asked(options.query));
  if (options.confidence !== undefined) parts.push(`match ${percent(options.confidence)}`);
  const why = typeof options.explanation === "string" ? [options.explanation] : (options.explanation ?? []);
  if (why.length > 0) parts.push(`because ${why.join("; ")}`);
  if (options.noted?.length) parts.push(`noted for Support: ${options.noted.join(", ")}`);
  if (parts.length === 0) return undefined;
  return `${parts.join(" · ")} · ${playbook.section} › ${playbook.article}`;
}

/** The next thing to do, in one line: the walkthrough, how long it is, and where it begins. */
function nextStep(playbook: Playbook): string {
  const first = [...playbook.troubleshooting, ...playbook.solution][0];
  const count = plannedSteps(playbook);
  const start = first ? ` Step 1: ${shorten(first.text, 100)}` : "";
  return `**Next:** press **Start walkthrough** to go through the ${count} step${count === 1 ? "" : "s"} one at a time.${start}`;
}

/** Links shared by the overview's buttons: the playbook, and the question when the card answers one. */
function refOf(playbook: Playbook, query: string | undefined) {
  return { playbook: playbook.id, ...(query !== undefined ? { query } : {}) };
}

/** Fixed it / Didn't help (a set-up article: Done / Stuck), stored per playbook by the feedback actions. */
function feedbackActions(playbook: Playbook, ref: ReturnType<typeof refOf>) {
  const { yes, no } = feedbackLabels(playbook);
  return actions([button(yes, cardActions.feedbackHelped, ref), button(no, cardActions.feedbackNotHelped, ref)]);
}

/**
 * The answer first: what this is, the next thing to do and the buttons at the top, then the few facts
 * that confirm the match. The whole article is folded behind "Show all steps" (in place where the
 * platform can fold, as a new message elsewhere).
 */
export function overviewCard(playbook: Playbook, options: OverviewOptions = {}): Card {
  return memoCard(playbook, `overview:${variantOf(options)}`, () => buildOverview(playbook, options));
}

/** Everything in the options that reaches the card, as a key (alternatives by id, title and confidence only). */
function variantOf(options: OverviewOptions): string {
  return JSON.stringify([
    options.query,
    options.confidence,
    options.explanation,
    options.noted,
    options.alternatives?.map((a) => [a.playbook.id, a.playbook.title, a.confidence]),
  ]);
}

function buildOverview(playbook: Playbook, options: OverviewOptions): Card {
  const ref = refOf(playbook, options.query);
  const alternatives = options.alternatives ?? [];
  const symptoms = playbook.symptoms.slice(0, briefSymptoms);
  const more = playbook.symptoms.length - symptoms.length;
  return renderCard("overview", {
    title: playbook.title,
    header: header(playbook.title),
    summary: text(playbook.summary),
    next: text(nextStep(playbook)),
    actions: actions([
      button("Start walkthrough", cardActions.walkStart, ref, "primary"),
      { ...button("Show all steps", cardActions.overviewFull, ref), toggles: allStepsId },
      // Here the playbook is known, so the escalation is filed at once with it.
      button("Escalate…", cardActions.escalate, ref),
      // Whenever the card answers a question, the person can say it is the wrong one.
      options.query !== undefined && button("Not this one?", cardActions.alternatives, ref),
    ]),
    // "Did this help?" right under the main buttons: answered at a glance, and never below the fold.
    helped: text(`**${feedbackQuestion}**`),
    feedback: feedbackActions(playbook, ref),
    match: context(matchContext(playbook, options)),
    facts: errorLogFields(playbook, true),
    symptoms: list("Symptoms", more > 0 ? [...symptoms, `… ${more} more under Show all steps`] : symptoms),
    alternatives:
      alternatives.length > 0
        ? context(
            `Also close: ${alternatives.map((a) => `${a.playbook.title}${a.confidence === undefined ? "" : ` (${percent(a.confidence)})`}`).join(", ")}`,
          )
        : null,
    article: articleParts(playbook),
  });
}

/** The whole article, for a platform that cannot fold it into the overview (Slack, the terminal). */
export function articleCard(playbook: Playbook, query?: string): Card {
  return memoCard(playbook, `article:${JSON.stringify([query])}`, () => buildArticle(playbook, query));
}

function buildArticle(playbook: Playbook, query: string | undefined): Card {
  const ref = refOf(playbook, query);
  return renderCard("article", {
    title: `${playbook.title}: all steps`,
    header: header(`${playbook.title}: all steps`),
    where: context(`${playbook.section} › ${playbook.article}`),
    article: articleParts(playbook),
    actions: actions([
      button("Start walkthrough", cardActions.walkStart, ref, "primary"),
      button("Escalate…", cardActions.escalate, ref),
    ]),
  });
}
