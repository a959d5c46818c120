import type { Card } from "./card-schema.ts";

/**
 * Freezes a card and everything in it. A frozen card may be handed to many replies at once (a memoised
 * overview), so no reply can change another's; converters may memoise their output per frozen card
 * (`isSharedCard`), since its content can no longer change.
 */
export function freezeCard(card: Card): Card {
  return deepFreeze(card);
}

/** True for a card made by `freezeCard`: its content is fixed, so work derived from it can be kept. */
export function isSharedCard(card: Card): boolean {
  return Object.isFrozen(card);
}

/** Freezes a value and every object and array in it (what is derived from a shared card is shared too). */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}

/**
 * A cache of work derived from shared cards (their Block Kit, their JSON): a WeakMap, so an entry goes
 * when its card is no longer referenced (a reload replaced the memo). Cards not shared are computed each time.
 */
export function perSharedCard<R>(derive: (card: Card) => R): (card: Card) => R {
  const kept = new WeakMap<Card, R>();
  return (card) => {
    if (!isSharedCard(card)) return derive(card);
    const hit = kept.get(card);
    if (hit !== undefined) return hit;
    const result = derive(card);
    kept.set(card, result);
    return result;
  };
}
