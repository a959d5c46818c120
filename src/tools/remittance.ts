import { z } from "zod";
import { defineTool } from "./define-tool.ts";
import { describeValue } from "./describe-value.ts";
import { flagField, numberField } from "./field-schemas.ts";
import { formatUsd, toCents } from "./money.ts";
import { parseRemittanceText } from "./parse-remittance-text.ts";
import type { ToolResult } from "./tool-result.ts";

/**
 * Guide, Diagnose > Flex Billing Setup and Remittance Issues: "Remittance Payments" (US and Canada: paid
 * when the balance reaches $50 or more, typically on the 15th), "Additional Costs of Transactions" (10%
 * withheld; no pricing or multifamily home: no extra fees, MFH gets the full revenue) and the
 * Prerequisites (banking details only for ACH/wire; no paper checks in Canada).
 */
export const remittanceRules = { threshold: 50, typicalDay: 15, withheldShare: 0.1 } as const;

const dollars = (label: string) =>
  numberField({
    label,
    unit: "$",
    min: 0,
    max: 10_000_000,
    maxReason: "far beyond one organization's month",
    example: "42.10",
  });

export const remittanceInput = z.strictObject({
  country: z
    .enum(["US", "CA", "other"], { error: (iss) => `country must be US, CA or other; got ${describeValue(iss.input)}` })
    .optional(),
  balance: dollars("Balance").optional(),
  revenue: dollars("Revenue").optional(),
  priced: flagField("priced").optional(),
  multifamily: flagField("multifamily").optional(),
  paymentMethod: z
    .enum(["ach", "wire", "check"], {
      error: (iss) => `paymentMethod must be ach, wire or check; got ${describeValue(iss.input)}`,
    })
    .optional(),
  expectedDay: numberField({
    label: "Expected day of month",
    min: 1,
    max: 31,
    integer: true,
    example: "15",
  }).optional(),
});
export type RemittanceInput = z.infer<typeof remittanceInput>;

const ordinal = (day: number): string => {
  const suffix =
    day >= 11 && day <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[day % 10] ?? "th");
  return `${day}${suffix}`;
};

export function checkRemittance(input: RemittanceInput): ToolResult<{ net?: number; due?: boolean }> {
  const { threshold, typicalDay, withheldShare } = remittanceRules;
  const figures: { label: string; value: string }[] = [];
  const explanation: string[] = [];
  const problems: string[] = [];
  const next: string[] = [];

  let net: number | undefined;
  if (input.revenue !== undefined) {
    const withheld = input.multifamily || input.priced === false ? 0 : toCents(input.revenue * withheldShare);
    net = toCents(input.revenue - withheld);
    figures.push(
      { label: "Revenue", value: formatUsd(input.revenue) },
      { label: "Withheld", value: formatUsd(withheld) },
      { label: "Owner receives", value: formatUsd(net) },
    );
    explanation.push(
      input.multifamily
        ? "Multifamily home customers receive the full revenue from their transactions (no fees outside the Cloud plan)."
        : input.priced === false
          ? "Stations with no pricing pay no fees outside their Cloud plan."
          : "10% of revenue on priced stations is withheld to cover card processing (Visa/MC/Amex etc.).",
    );
  }
  const balance = input.balance ?? net;
  const due = balance === undefined ? undefined : balance >= threshold;
  if (balance !== undefined) {
    figures.push({
      label: input.balance === undefined ? "Balance (assumed: this revenue only)" : "Balance",
      value: formatUsd(balance),
    });
    explanation.push(
      due
        ? `The balance is at least ${formatUsd(threshold)}, so it is paid out, typically on the ${typicalDay}th of the month.`
        : `Payment is made once the balance reaches ${formatUsd(threshold)}; ${formatUsd(balance)} is ${formatUsd(toCents(threshold - balance))} short, so no payment is due yet.`,
    );
  }
  // The guide states the $50 / 15th rule under "United States and Canada" only; elsewhere it says nothing.
  const rulesApply = input.country === "US" || input.country === "CA";
  const caveat =
    input.country === "other"
      ? "The guide gives the $50 / 15th rule for the United States and Canada only; for other countries it gives no rule, so check the organization's MSSA."
      : "No country given: the guide gives the $50 / 15th rule for the United States and Canada only; for other countries check the organization's MSSA.";
  if (!rulesApply && balance !== undefined) explanation.unshift(caveat);
  if (input.expectedDay !== undefined && input.expectedDay !== typicalDay) {
    explanation.push(`Payments are typically made on the ${typicalDay}th, not the ${ordinal(input.expectedDay)}.`);
  }
  if (input.paymentMethod === "check") {
    if (input.country === "CA")
      problems.push(
        "Canada customers are not eligible for paper checks: switch the payment method to ACH/wire transfer.",
      );
    else
      next.push(
        "Paper check: make sure the address the check is sent to is up to date; no banking details are needed.",
      );
  } else if (input.paymentMethod) {
    next.push(
      "ACH/wire: check the Federal tax ID or SSN, bank name and address, ABA routing number (IBAN outside the USA) and account number in Flex Billing; select Update to fix them.",
    );
  }
  if (due) {
    next.push(
      "Confirm the Flex Billing status is Enabled for the organization (or the station group whose proceeds are missing).",
      "If proceeds should go to different bank accounts, check the Custom Station Groups each have their own Flex Billing row.",
      "Remittance terms for the owner are in the organization's MSSA (PDF in ChargePoint Cloud Dashboard).",
    );
  }
  const ruleSummary =
    due === undefined
      ? `Paid when the balance reaches ${formatUsd(threshold)}, typically on the ${typicalDay}th; give the balance to check it.`
      : due
        ? `Payment due: balance ${formatUsd(balance!)} is at least ${formatUsd(threshold)}; expect it around the ${typicalDay}th.`
        : `No payment yet: balance ${formatUsd(balance!)} is below the ${formatUsd(threshold)} threshold (${formatUsd(toCents(threshold - balance!))} to go).`;
  const summary =
    problems[0] ??
    (rulesApply || balance === undefined
      ? ruleSummary
      : `${input.country === "other" ? "Outside the US and Canada the guide gives no remittance rule" : "Country not given"}; the US/Canada rule would say: ${ruleSummary}`);
  return {
    tool: "remittance",
    playbook: "flex-billing",
    verdict: problems.length ? "problem" : due === false || (!rulesApply && balance !== undefined) ? "warning" : "ok",
    summary,
    figures,
    explanation: [...problems.slice(1), ...explanation],
    errors: [],
    next,
    data: { ...(net !== undefined ? { net } : {}), ...(due !== undefined ? { due } : {}) },
  };
}

export const remittanceTool = defineTool({
  id: "remittance",
  title: "Flex Billing remittance",
  playbook: "flex-billing",
  summary:
    "When a Flex Billing payment is due ($50 balance, around the 15th), what is withheld, and which payment details are needed.",
  usage:
    "remittance [US|CA] [balance <$>] [revenue <$>] [ACH|wire|check] [priced|no pricing] [MFH] [expected on the <day>]",
  examples: [
    "remittance US, balance $42.10, ACH, expected on the 15th",
    "remittance revenue 200 priced",
    "remittance canada check balance 75",
  ],
  inputSchema: remittanceInput,
  fields: ["country", "balance", "revenue", "priced", "multifamily", "paymentMethod", "expectedDay"],
  check: (input) => checkRemittance(input),
  parseText: parseRemittanceText,
});
