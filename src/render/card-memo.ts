import type { Card } from "../cards/card-schema.ts";
import { freezeCard } from "../cards/frozen-card.ts";
import { loadTemplates } from "./card-templates.ts";

/**
 * Variants kept per subject (a playbook) and template set. `/cp fault 303-RSC` is the same card for every
 * asker; a free-text question rarely repeats, so the oldest variant makes room for the newest.
 */
export const variantsPerSubject = 16;

// Keyed first by the template set in use (a reload or another templates folder is a new Map, so cards
// rendered from old templates are never served) and then by the subject (a reload builds new playbook
// objects): neither needs an explicit invalidation, and both let go of old entries by themselves.
const memo = new WeakMap<object, WeakMap<object, Map<string, Card>>>();

/**
 * A card that depends only on `subject` and `variant` (nothing thread-specific, no clock), rendered once
 * and then shared, frozen, by every reply that asks for it. `variant` must name everything else the card
 * is built from.
 */
export function memoCard(subject: object, variant: string, build: () => Card): Card {
  const templates = loadTemplates();
  let bySubject = memo.get(templates);
  if (!bySubject) {
    bySubject = new WeakMap();
    memo.set(templates, bySubject);
  }
  let variants = bySubject.get(subject);
  if (!variants) {
    variants = new Map();
    bySubject.set(subject, variants);
  }
  const hit = variants.get(variant);
  if (hit) return hit;
  const card = freezeCard(build());
  if (variants.size >= variantsPerSubject) {
    const oldest = variants.keys().next().value;
    if (oldest !== undefined) variants.delete(oldest);
  }
  variants.set(variant, card);
  return card;
}
