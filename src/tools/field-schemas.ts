import { z } from "zod";
import { describeValue } from "./describe-value.ts";

interface NumberFieldSpec {
  /** How a person names the field, e.g. "Energy". */
  label: string;
  /** Unit shown after figures, e.g. "kWh"; "$" is written before them. */
  unit?: string;
  min: number;
  max: number;
  /** Why the maximum is what it is, so an absurd value gets a reason and not just a bound. */
  maxReason?: string;
  example: string;
  integer?: boolean;
}

const withUnit = (value: number, unit: string | undefined): string =>
  unit === "$" ? `$${value}` : unit ? `${value} ${unit}` : String(value);

/**
 * A zod number whose every failure names the field, the rejected value and what is expected. zod 4 already
 * rejects NaN and ±Infinity as "not a number", which is what a person means by them here.
 */
export function numberField(spec: NumberFieldSpec) {
  const { label, unit, min, max, example } = spec;
  const kind = spec.integer ? "a whole number" : "a number";
  let schema = z
    .number({ error: (iss) => `${label} must be ${kind} (e.g. ${example}); got ${describeValue(iss.input)}` })
    .min(min, { error: (iss) => `${label} must be at least ${withUnit(min, unit)}; got ${describeValue(iss.input)}` })
    .max(max, {
      error: (iss) =>
        `${label} must be at most ${withUnit(max, unit)}${spec.maxReason ? ` (${spec.maxReason})` : ""}; got ${describeValue(iss.input)}`,
    });
  if (spec.integer) {
    schema = schema.int({
      error: (iss) => `${label} must be a whole number (e.g. ${example}); got ${describeValue(iss.input)}`,
    });
  }
  return schema;
}

/** A zod string that names the field and shows what was given instead. */
export function textField(label: string, example: string) {
  return z.string({ error: (iss) => `${label} must be text (e.g. ${example}); got ${describeValue(iss.input)}` });
}

/** A zod boolean that names the field. */
export function flagField(label: string) {
  return z.boolean({ error: (iss) => `${label} must be true or false; got ${describeValue(iss.input)}` });
}
