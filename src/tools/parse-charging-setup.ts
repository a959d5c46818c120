import { listSome } from "./describe-value.ts";
import { fieldError } from "./invalid-result.ts";
import type { FieldError } from "./tool-result.ts";

export interface ParsedSetup {
  setup: Record<string, unknown>;
  errors: FieldError[];
  /** The text named a station model, so it was meant as a setup. */
  hasModel: boolean;
}

const count = (word: string): number =>
  ({ one: 1, single: 1, a: 1, two: 2, double: 2, three: 3, five: 5 })[word] ?? Number(word);

/** Pulls a pattern out of the text so later, looser patterns (a bare number for amps) do not see it again. */
function take(state: { rest: string }, pattern: RegExp): RegExpExecArray | undefined {
  const match = pattern.exec(state.rest);
  if (match) state.rest = `${state.rest.slice(0, match.index)} ${state.rest.slice(match.index + match[0].length)}`;
  return match ?? undefined;
}

/**
 * Reads a hardware setup as staff type it: "ct4020 40 one breaker circuit sharing 2 cars", "cpf 50",
 * "CT4020, one 40 A breaker, circuit sharing on, jumpers installed", "power select 32".
 */
export function parseChargingSetup(text: string): ParsedSetup {
  // Commas and semicolons stay as " ; " clause marks: "circuit sharing, no jumpers" must not read as
  // "circuit sharing no" (disabled) followed by "jumpers" (installed).
  const state = { rest: ` ${text.toLowerCase().replace(/[,;]/g, " ; ").replace(/[()]/g, " ")} ` };
  const setup: Record<string, unknown> = {};
  const errors: FieldError[] = [];

  // A measured rate ("2.1 kW") is read before the bare numbers, so it is never taken for the breaker amps.
  const measured = take(state, /(?:^|\s)(\d+(?:\.\d+)?)\s*kw\b/);
  if (measured) setup.measuredKw = Number(measured[1]);
  const power = take(state, /power[\s-]*select\s*(?:is|at|set to|=|:)?\s*(\d+(?:\.\d+)?)\s*(?:a|amps?)?\b/);
  if (power) setup.powerSelectAmps = Number(power[1]);
  const cars = take(state, /\b(one|two|1|2)\s*(?:cars?|vehicles?|evs?)\b/);
  if (cars) setup.cars = count(cars[1]!);
  const breakers = take(
    state,
    /\b(one|two|single|double|a|1|2)\s+(?:(\d+(?:\.\d+)?)\s*(?:a|amps?)\s+)?(?:dual[\s-]pole\s+)?breakers?\b/,
  );
  if (breakers) {
    setup.breakers = count(breakers[1]!);
    if (breakers[2]) setup.breakerAmps = Number(breakers[2]);
  }
  const wires = take(state, /\b(three|five|3|5)[\s-]*wires?\b/);
  if (wires) setup.wires = count(wires[1]!);
  // A trailing "no" negates circuit sharing only when no noun follows it ("circuit sharing no jumpers"
  // is two facts: sharing on, jumpers absent).
  const noSharing = take(
    state,
    /\b(?:no|without|not using|disabled)\s+circuit[\s-]*sharing\b|\bcircuit[\s-]*sharing\s*(?:is\s*)?(?:off|disabled|not enabled|not on|false|no(?!\s+[a-z]))(?![a-z])|\bcs\s*(?:off|disabled)\b/,
  );
  const sharing =
    !noSharing &&
    take(state, /\bcircuit[\s-]*sharing(?:\s*(?:is\s*)?(?:on|enabled|yes|true))?\b|\bcs(?:\s*(?:on|enabled))?\b/);
  if (noSharing || sharing) setup.circuitSharing = !noSharing;
  const noJumpers = take(
    state,
    /\b(?:no|without|missing)\s+(?:power[\s-]*sharing\s+)?jumpers?\b|\bjumpers?\s*(?:are\s*)?(?:missing|not installed|absent|off|no(?!\s+[a-z]))(?![a-z])/,
  );
  const jumpers =
    !noJumpers && take(state, /\b(?:power[\s-]*sharing\s+)?jumpers?(?:\s*(?:are\s*)?(?:installed|on|yes|in))?\b/);
  if (noJumpers || jumpers) setup.jumpers = !noJumpers;

  const model = take(state, /\bct[\s-]?40([12])0(?:-[a-z0-9-]+)?\b|\bcpf(?:\d\d)?(?:-[a-z0-9-]+)?\b/);
  if (model) setup.model = model[0].startsWith("cpf") ? "cpf" : model[1] === "1" ? "ct4010" : "ct4020";
  else
    errors.push(
      fieldError(
        "model",
        "missing",
        "No station model found: start with CT4020, CT4010 or CPF (e.g. ct4020 40 two breakers)",
      ),
    );

  state.rest = state.rest.replace(/;/g, " ");
  const numbers = [...state.rest.matchAll(/(?:^|\s)(-?\d+(?:\.\d+)?)\s*(?:a|amps?)?(?=\s|$)/g)].map((m) =>
    Number(m[1]),
  );
  if (setup.breakerAmps === undefined && numbers.length > 0) setup.breakerAmps = numbers.shift();
  if (numbers.length > 0) {
    const message = `Found more numbers than expected (${listSome(numbers)}): give one breaker rating in amps, e.g. "cpf 50"; use "power select 32" for the Power Select setting`;
    errors.push(fieldError("breakerAmps", "ambiguous", message));
  }
  if (setup.breakerAmps === undefined) {
    errors.push(
      fieldError(
        "breakerAmps",
        "missing",
        "No breaker rating found: add the breaker amps, e.g. 40 (the guide's setups use 40, 50 or 60 A)",
      ),
    );
  }
  return { setup, errors, hasModel: model !== undefined };
}
