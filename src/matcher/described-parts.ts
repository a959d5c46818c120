import { faultArticleParts } from "./described-parts-faults.ts";
import { settingArticleParts } from "./described-parts-settings.ts";

/**
 * One setting, field, toggle, mechanism or component an article names, and the ways people describe it
 * without its name. Written from the guide: `guide` is its name there, `does` what the guide says it does,
 * `seen` what a person sees when it is wrong; `said` are general descriptions in staff and customer words
 * (never a sentence from an evaluation set). Each adds `concept`, a term the article's playbook is trained
 * on, so "the internal switch is welded" reads as the relay and "the open charging mode" as Just Charge.
 */
export interface DescribedPart {
  /** The playbook whose article names this part. */
  article: string;
  guide: string;
  does: string;
  seen: string;
  concept: string;
  said: readonly string[];
  /**
   * Whether the person's own words are kept beside the concept (the default, like observed-concepts.ts).
   * false when one of those words would speak for another article ("green pin" is not a map pin).
   */
  keepWords?: false;
}

/** Every article's parts: the configuration and billing articles, then the faults and symptoms. */
export const describedParts: readonly DescribedPart[] = [...settingArticleParts, ...faultArticleParts];

/** The parts as synonym-table entries: concept → descriptions. */
export function withDescribedParts(
  table: Readonly<Record<string, readonly string[]>>,
): Record<string, readonly string[]> {
  const merged: Record<string, readonly string[]> = { ...table };
  for (const part of describedParts) merged[part.concept] = [...(merged[part.concept] ?? []), ...part.said];
  return merged;
}

/** Descriptions that add their concept and keep their words (the scorer still sees "switch", "welded"). */
export function keptDescriptions(): string[] {
  return describedParts.filter((p) => p.keepWords !== false).flatMap((p) => p.said);
}
