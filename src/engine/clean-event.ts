import type { BotEvent } from "../core/bot-event.ts";
import { cleanUserText } from "../core/clean-user-text.ts";

/**
 * The event with every piece of typed text cleaned (control characters, pasted tokens, length) before
 * the engine stores, matches or echoes any of it. `cutFrom` is the original length when text was cut.
 */
export function cleanEvent(event: BotEvent): { event: BotEvent; cutFrom?: number } {
  if (event.kind !== "action") {
    const { text, cutFrom } = cleanUserText(event.text);
    return { event: { ...event, text }, ...(cutFrom !== undefined ? { cutFrom } : {}) };
  }
  let cutFrom: number | undefined;
  const inputs = event.inputs
    ? Object.fromEntries(
        Object.entries(event.inputs).map(([id, value]) => {
          const clean = cleanUserText(value);
          if (clean.cutFrom !== undefined) cutFrom = Math.max(cutFrom ?? 0, clean.cutFrom);
          return [id, clean.text];
        }),
      )
    : undefined;
  // A button value is cpbot's own JSON, but a forged one is text like any other.
  const value = event.value === undefined ? undefined : cleanUserText(event.value, 4000).text;
  return {
    event: {
      ...event,
      ...(inputs ? { inputs } : {}),
      ...(value !== undefined ? { value } : {}),
    },
    ...(cutFrom !== undefined ? { cutFrom } : {}),
  };
}
