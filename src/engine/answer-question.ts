import type { Card } from "../cards/card-schema.ts";
import { didYouMeanCard } from "../render/did-you-mean-card.ts";
import { errorCard } from "../render/error-card.ts";
import { noMatchCard } from "../render/no-match-card.ts";
import { overviewCard } from "../render/overview-card.ts";
import { unknownWordCard } from "../render/unknown-word-card.ts";
import type { CommandContext } from "./command-parser.ts";
import type { MatchResult } from "./engine-deps.ts";
import { keepQuestionFacts } from "./question-evidence.ts";
import type { Question } from "./session-state.ts";
import { smallTalkCard, smallTalkIntent } from "./small-talk.ts";
import { nextId, record, type Turn, type TurnReply } from "./turn.ts";

function isConfident(result: MatchResult, lowConfidence: number): boolean {
  return (result.kind === "match" || result.kind === "fault-code") && result.confidence >= lowConfidence;
}

/** The matcher's reasons as short phrases a person can check ("matched “relay”, “stuck”"). */
export function explain(result: MatchResult): string[] {
  const e = result.explanation;
  const out: string[] = [];
  // The scorer's own name ("lexical scorer (softmax)") means nothing to a person; the words below say why.
  if (e.rule && !/scorer/i.test(e.rule)) out.push(e.rule);
  if (e.terms.length > 0) out.push(`matched ${e.terms.map((t) => `“${t}”`).join(", ")}`);
  for (const c of e.corrections ?? []) out.push(`read “${c.from}” as “${c.to}”`);
  for (const s of e.synonyms ?? []) out.push(`took “${s.from}” as “${s.to}”`);
  if (e.note) out.push(e.note);
  return out;
}

/**
 * A new question: match it, remember it as the thread's topic, record it for playbook authors, and answer
 * with the overview, a did-you-mean, an unknown-code notice or an honest no-match.
 */
export function answerQuestion(turn: Turn, text: string, _ctx: CommandContext, nearCommand?: string): TurnReply {
  const { matcher, registry, config } = turn.deps;
  const result = matcher.match(text);
  // A mistyped subcommand ("stast") that the matcher is not sure about is answered as the typo it is:
  // a did-you-mean with buttons, never an error.
  if (nearCommand && !isConfident(result, config.lowConfidence)) return { cards: [unknownWordCard(text, nearCommand)] };
  const question: Question = {
    id: nextId(turn, "q"),
    text,
    at: turn.at,
    by: turn.by,
    kind: result.kind,
    playbook: result.playbook,
    confidence: result.confidence,
    alternatives: result.alternatives,
  };
  turn.state = { ...turn.state, question };
  const playbookField = result.playbook ? { playbook: result.playbook } : {};
  record(turn, "question", { text, confidence: result.confidence, ...playbookField, data: { kind: result.kind } });
  const lowConfidence = result.confidence < config.lowConfidence;

  switch (result.kind) {
    case "match":
    case "fault-code": {
      const playbook = result.playbook ? registry.get(result.playbook) : undefined;
      if (!playbook) break;
      record(turn, "match", {
        text,
        playbook: playbook.id,
        confidence: result.confidence,
        data: { kind: result.kind, lowConfidence, terms: result.explanation.terms },
      });
      // "fault 303-RSC on CPF-6": the station goes with the question, so an escalation need not ask for it.
      const noted = keepQuestionFacts(turn, text);
      const alternatives = result.alternatives.flatMap((a) => {
        const p = registry.get(a.playbook);
        return p ? [{ playbook: p, confidence: a.confidence }] : [];
      });
      return {
        cards: [
          overviewCard(playbook, {
            query: text,
            confidence: result.confidence,
            explanation: explain(result),
            alternatives,
            noted,
          }),
        ],
      };
    }
    case "ambiguous": {
      record(turn, "ambiguous", { text, ...playbookField, confidence: result.confidence, data: { lowConfidence } });
      return { cards: [didYouMean(turn, text, result)] };
    }
    case "unknown-fault-code": {
      record(turn, "unknown-code", { text, data: { code: result.unknownCode } });
      const known = (result.knownCodes ?? registry.faultCodes()).map((f) => f.code);
      const card: Card = errorCard(
        `I do not know the fault code “${result.unknownCode ?? text}”. Known codes: ${known.join(", ")}. Check the code on the Alarms block, or describe the problem in words.`,
        "unknown_fault_code",
      );
      return { cards: [card] };
    }
    case "no-match":
      break;
  }
  // Chatter the dialogue's phrase list missed ("thanks a lot team!") is answered as small talk, and not
  // recorded: authors review unmatched questions to write playbooks, and "thanks" is not one.
  if (result.outOfScopeKind === "small-talk") return { cards: [smallTalkCard(smallTalkIntent(text))] };
  // The kind (adjacent topic, dashboard feature, ...) lets the report tell unmet needs from chatter.
  const kindField = result.outOfScopeKind ? { data: { outOfScopeKind: result.outOfScopeKind } } : {};
  record(turn, "abstain", { text, confidence: result.confidence, ...kindField });
  return { cards: [noMatch(turn, text, result)] };
}

/** The no-match card for `text`, with the closest playbooks the matcher found (`result` when known). */
export function noMatch(turn: Turn, text: string, result?: MatchResult, except: readonly string[] = []): Card {
  const found = result ?? turn.deps.matcher.match(text);
  const closest = (found.closest ?? []).flatMap((c) => {
    const playbook = except.includes(c.playbook) ? undefined : turn.deps.registry.get(c.playbook);
    return playbook ? [playbook] : [];
  });
  // The matcher's own words for an out-of-scope topic ("this looks like Billing, which has no playbook").
  const why = found.explanation.note
    ?.split("; ")
    .find((n) => n.startsWith("this looks like"))
    ?.replace(/^this/, "This");
  return noMatchCard(text, closest, why ? { why: `${why}.` } : {});
}

/** The candidates of a match as a did-you-mean card, best first. */
export function didYouMean(
  turn: Turn,
  text: string,
  result: Pick<MatchResult, "playbook" | "confidence" | "alternatives">,
) {
  const { registry } = turn.deps;
  const ranked = [
    ...(result.playbook ? [{ playbook: result.playbook, confidence: result.confidence }] : []),
    ...result.alternatives,
  ];
  const seen = new Set<string>();
  const candidates = ranked.flatMap((c) => {
    const playbook = registry.get(c.playbook);
    if (!playbook || seen.has(playbook.id)) return [];
    seen.add(playbook.id);
    return [{ playbook, confidence: c.confidence }];
  });
  return didYouMeanCard(text, candidates);
}
