import { numberField } from "./field-schemas.ts";

/**
 * One charging session's energy, as a receipt or a Historical Sessions row gives it. Both read the same
 * figure, so both take the same bound: 1000 kWh is far beyond any Level 2 session.
 */
export function energyKwhField(example: string) {
  return numberField({
    label: "Energy",
    unit: "kWh",
    min: 0,
    max: 1000,
    maxReason: "far beyond any Level 2 session",
    example,
  });
}
