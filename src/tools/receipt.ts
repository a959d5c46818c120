import { z } from "zod";
import { defineTool } from "./define-tool.ts";
import { energyKwhField } from "./energy-kwh-field.ts";
import { numberField } from "./field-schemas.ts";
import { formatRate, formatUsd, toCents } from "./money.ts";
import { formatDuration } from "./parse-duration.ts";
import { parseReceiptText } from "./parse-receipt-text.ts";
import type { ToolResult } from "./tool-result.ts";

const dollars = (label: string, max: number, example: string) =>
  numberField({ label, unit: "$", min: 0, max, maxReason: "far beyond one charging session", example });

export const receiptInput = z
  .strictObject({
    energyKwh: energyKwhField("56.4062").optional(),
    energyRate: dollars("Energy rate ($/kWh)", 100, "0.25").optional(),
    energyAmount: dollars("Energy amount", 100_000, "14.10").optional(),
    stationSeconds: numberField({
      label: "Station time",
      unit: "seconds",
      min: 0,
      max: 30 * 24 * 3600,
      maxReason: "30 days",
      example: "32694 (9h 4m 54s)",
    }).optional(),
    timeRate: dollars("Station time rate ($/hr)", 1000, "1.00").optional(),
    timeAmount: dollars("Station time amount", 100_000, "0.00").optional(),
    total: dollars("Total", 100_000, "14.10").optional(),
  })
  .superRefine((r, ctx) => {
    const pair = (a: unknown, b: unknown, field: string, message: string) => {
      if ((a === undefined) !== (b === undefined)) ctx.addIssue({ code: "custom", path: [field], message });
    };
    pair(
      r.energyKwh,
      r.energyRate,
      r.energyKwh === undefined ? "energyKwh" : "energyRate",
      "The energy line needs both the kWh and the rate, as the receipt shows them: 56.4062 kWh @ $0.25/kWh",
    );
    pair(
      r.stationSeconds,
      r.timeRate,
      r.stationSeconds === undefined ? "stationSeconds" : "timeRate",
      "The station time line needs both the time and the rate, as the receipt shows them: 9h 4m 54s @ $0.00/hr",
    );
    if (r.energyKwh === undefined && r.stationSeconds === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["energyKwh"],
        message:
          "Nothing to check: give the Energy Rate line (kWh and $/kWh) or the Station Time Rate line (time and $/hr)",
      });
    }
  });
export type ReceiptInput = z.infer<typeof receiptInput>;

interface LineCheck {
  label: string;
  computed: number;
  charged?: number;
  /** charged − computed, when the receipt gave an amount and it is off by more than rounding. */
  difference?: number;
}

// Within a cent of the exact product is rounding (up, down or to nearest), not a pricing error.
const matches = (charged: number, exact: number) => Math.abs(charged - exact) < 0.01 + 1e-9;

function mismatchText(line: LineCheck, basis: string): string {
  const diff = line.difference!;
  const pct = line.computed > 0 ? ` (${((Math.abs(diff) / line.computed) * 100).toFixed(1)}%)` : "";
  return `${line.label} mismatch: charged ${formatUsd(line.charged!)}, but ${basis} = ${formatUsd(line.computed)}; ${formatUsd(Math.abs(diff))}${pct} ${diff > 0 ? "more" : "less"} than the rate gives.`;
}

/** Recomputes a receipt's amounts from its rates (guide, Pricing Policy, Solution steps 10-12). */
export function checkReceipt(input: ReceiptInput): ToolResult<{ lines: LineCheck[] }> {
  const lines: LineCheck[] = [];
  const texts: string[] = [];
  const figures: { label: string; value: string }[] = [];
  const add = (label: string, exact: number, charged: number | undefined, basis: string) => {
    const line: LineCheck = { label, computed: toCents(exact), charged };
    if (charged !== undefined && !matches(charged, exact)) line.difference = toCents(charged - exact);
    lines.push(line);
    figures.push({
      label,
      value: `${basis} = ${formatUsd(line.computed)}${charged !== undefined ? `; receipt ${formatUsd(charged)}` : ""}`,
    });
    if (line.difference !== undefined) texts.push(mismatchText(line, basis));
  };
  if (input.energyKwh !== undefined && input.energyRate !== undefined) {
    add(
      "Energy",
      input.energyKwh * input.energyRate,
      input.energyAmount,
      `${input.energyKwh} kWh × ${formatRate(input.energyRate, "kWh")}`,
    );
  }
  if (input.stationSeconds !== undefined && input.timeRate !== undefined) {
    const hours = input.stationSeconds / 3600;
    add(
      "Station time",
      hours * input.timeRate,
      input.timeAmount,
      `${formatDuration(input.stationSeconds)} × ${formatRate(input.timeRate, "hr")}`,
    );
  }
  if (input.total !== undefined) {
    const sum = toCents(lines.reduce((s, l) => s + (l.charged ?? l.computed), 0));
    const line: LineCheck = { label: "Total", computed: sum, charged: input.total };
    if (!matches(input.total, sum)) {
      line.difference = toCents(input.total - sum);
      texts.push(
        `${mismatchText(line, "the sum of the lines")} The difference may be an overstay fee, a min/max fee or tax in the pricing rule.`,
      );
    }
    lines.push(line);
    figures.push({ label: "Total", value: `lines add up to ${formatUsd(sum)}; receipt ${formatUsd(input.total)}` });
  }
  const mismatched = lines.filter((l) => l.difference !== undefined);
  const anyCharged = lines.some((l) => l.charged !== undefined);
  const summary = mismatched.length
    ? texts[0]!
    : anyCharged
      ? `The receipt matches its rates: ${lines.map((l) => `${l.label.toLowerCase()} ${formatUsd(l.charged ?? l.computed)}`).join(", ")}.`
      : `Computed: ${lines.map((l) => `${l.label.toLowerCase()} ${formatUsd(l.computed)}`).join(", ")}; add the receipt's amounts to compare.`;
  return {
    tool: "receipt",
    playbook: "pricing-policy",
    verdict: mismatched.length ? "problem" : "ok",
    summary,
    figures,
    explanation: [
      "Amount = energy × energy rate, and station time (in hours) × time rate; an amount within a cent of that counts as rounding.",
      ...texts.slice(1),
    ],
    errors: [],
    next: mismatched.length
      ? [
          "Check the Energy Rate and Station Time Rate on the receipt against the pricing rule (Pricing Rules > View/Edit).",
          "If the pricing does not match, contact Support.",
        ]
      : ["Check that these rates are the ones in the pricing rule applied to the station (Pricing Rules > View/Edit)."],
    data: { lines },
  };
}

export const receiptTool = defineTool({
  id: "receipt",
  title: "Receipt check",
  playbook: "pricing-policy",
  summary: "Recomputes a receipt: energy × energy rate and station time × time rate against the amounts charged.",
  usage: "receipt <kWh> <$/kWh> [amount] [station time @ $/hr [amount]] [total]",
  examples: [
    "receipt 56.4062 kWh 0.25 14.10",
    "receipt Energy Rate: 56.4062 kWh @ $0.25/kWh Amount: $14.10 Total: $14.10",
  ],
  inputSchema: receiptInput,
  fields: ["energyKwh", "energyRate", "energyAmount", "stationSeconds", "timeRate", "timeAmount", "total"],
  check: (input) => checkReceipt(input),
  parseText: parseReceiptText,
});
