/** Dollars with cents, as receipts show them: $14.10. */
export const formatUsd = (amount: number): string =>
  `${amount < 0 ? "-" : ""}$${Math.abs(amount)
    .toFixed(2)
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;

/** A rate as the pricing rule shows it: $0.25/kWh, $5.00/hr; more decimals kept when given. */
export const formatRate = (rate: number, unit: string): string =>
  `$${Number(rate.toFixed(2)) === rate ? rate.toFixed(2) : String(rate)}/${unit}`;

/** Rounds to whole cents without the 1.005 → 1.00 float surprise. */
export const toCents = (amount: number): number => Math.round((amount + Number.EPSILON) * 100) / 100;
