import { z } from "zod";
import { defineTool, type TextParse } from "./define-tool.ts";
import { excerpt } from "./describe-value.ts";
import { textField } from "./field-schemas.ts";
import { fieldError } from "./invalid-result.ts";
import type { ToolResult } from "./tool-result.ts";

/**
 * Guide, Configure > Enable Just Charge, table "Just Charge Customer Categories": the Just Charge mode only
 * pops up in Station Configuration for these customer category / subcategory pairs.
 */
export const justChargeCategories = [
  { category: "Retail", subcategory: "Auto Dealership" },
  { category: "Fleet", subcategory: "Distributed Depot Car Sharing" },
  { category: "Workplace", subcategory: "Fleet" },
  { category: "Education", subcategory: "Education Fleet" },
  { category: "Healthcare", subcategory: "Healthcare Fleet" },
  { category: "Municipal", subcategory: "Municipal Fleet" },
  { category: "Government (Fed, State)", subcategory: "Government Fleet" },
] as const;

const nonEmpty = (label: string, example: string) =>
  textField(label, example)
    .trim()
    .min(1, { error: `${label} is empty: enter it as the Configuration tab shows it, e.g. ${example}` })
    .max(100, {
      error: `${label} is longer than 100 characters: enter it as the Configuration tab shows it, e.g. ${example}`,
    });

export const justChargeInput = z.strictObject({
  category: nonEmpty("category", "Municipal"),
  subcategory: nonEmpty("subcategory", "Municipal Fleet"),
});
export type JustChargeInput = z.infer<typeof justChargeInput>;

// "Government" alone, "&" for "and" and stray spacing should still find the row.
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/\s*\(.*?\)\s*/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const eligibleText = justChargeCategories.map((r) => `${r.category} - ${r.subcategory}`).join("; ");

export function checkJustCharge(input: JustChargeInput): ToolResult<{ eligible: boolean }> {
  const row = justChargeCategories.find(
    (r) => norm(r.category) === norm(input.category) && norm(r.subcategory) === norm(input.subcategory),
  );
  const sameCategory = justChargeCategories.find((r) => norm(r.category) === norm(input.category));
  const figures = [{ label: "Customer category", value: `${input.category} - ${input.subcategory}` }];
  const usage =
    "Just Charge lets anyone charge without authentication; it is for non-public stations, mainly auto dealerships and bus/car fleets.";
  if (row) {
    return {
      tool: "just-charge",
      playbook: "just-charge",
      verdict: "ok",
      summary: `Eligible: ${row.category} - ${row.subcategory} is a Just Charge customer category.`,
      figures,
      explanation: [usage],
      errors: [],
      next: [
        'Check that **Allow "Just Charge" Mode** is Enabled under **Organization > General**; if not, contact Support to enable it at the Organization level.',
        "In **Station Configuration** select **Edit** and set **Usable by** to Just Charge (on activation, or later on the Configuration tab).",
      ],
      data: { eligible: true },
    };
  }
  const hint = sameCategory
    ? `For ${sameCategory.category} the Just Charge mode pops up only with the subcategory ${sameCategory.subcategory}.`
    : `"${input.category}" is not one of the Just Charge customer categories.`;
  return {
    tool: "just-charge",
    playbook: "just-charge",
    verdict: "problem",
    summary: `Not eligible: the Just Charge mode does not pop up for ${input.category} - ${input.subcategory}. ${hint}`,
    figures,
    explanation: [`The mode pops up only for: ${eligibleText}.`, usage],
    errors: [],
    next: [
      "Check the station's Customer category on the Configuration tab; if it is wrong, correct it.",
      "In special circumstances Just Charge can be requested for other customers: contact Support.",
    ],
    data: { eligible: false },
  };
}

/**
 * "Municipal / Municipal Fleet", "Municipal - Municipal Fleet" (as the Configuration tab prints it),
 * "Customer category: Retail, Auto Dealership". Categories are matched from the start because
 * "Government (Fed, State)" itself contains a comma.
 */
function parseJustChargeText(text: string): TextParse {
  const cleaned = text.replace(/^\s*customer\s*category\s*[:=]?\s*/i, "").trim();
  // A subcategory typed alone and naming one row ("Municipal Fleet", no dash) is that row: read as
  // category "Municipal" + subcategory "Fleet" it would wrongly be not eligible.
  const bySubcategory = justChargeCategories.filter((r) => norm(r.subcategory) === norm(cleaned));
  const alsoCategory = justChargeCategories.some((r) => norm(r.category) === norm(cleaned));
  if (bySubcategory.length === 1 && bySubcategory[0] && !alsoCategory) {
    const r = bySubcategory[0];
    return { ok: true, input: { category: r.category, subcategory: r.subcategory } };
  }
  const known = [...justChargeCategories].sort((a, b) => b.category.length - a.category.length);
  for (const r of known) {
    for (const form of [r.category, r.category.replace(/\s*\(.*\)/, "")]) {
      if (cleaned.toLowerCase().startsWith(form.toLowerCase())) {
        const rest = cleaned
          .slice(form.length)
          .replace(/^\s*[-/,:|>–]\s*/, "")
          .trim();
        if (rest) return { ok: true, input: { category: r.category, subcategory: rest } };
      }
    }
  }
  const parts = cleaned.split(/\s+[-/|>–]\s+|\s*[/|>]\s*|\s*,\s*/).filter(Boolean);
  if (parts.length === 2) return { ok: true, input: { category: parts[0], subcategory: parts[1] } };
  const single = justChargeCategories.filter(
    (r) => norm(r.subcategory) === norm(cleaned) || norm(r.category) === norm(cleaned),
  );
  const message =
    single.length > 0
      ? `Give both the category and the subcategory, e.g. ${single.map((r) => `"${r.category} - ${r.subcategory}"`).join(" or ")}`
      : `Expected the customer category and subcategory separated by " - " or "/", as the Configuration tab shows them, e.g. "Municipal - Municipal Fleet"; got "${excerpt(cleaned)}"`;
  return { ok: false, errors: [fieldError("subcategory", "missing", message)] };
}

export const justChargeTool = defineTool({
  id: "just-charge",
  title: "Just Charge eligibility",
  playbook: "just-charge",
  summary: "Checks a station's customer category and subcategory against the Just Charge table.",
  usage: "justcharge <category> - <subcategory>",
  examples: ["justcharge Municipal - Municipal Fleet", "justcharge Retail / Auto Dealership"],
  inputSchema: justChargeInput,
  fields: ["category", "subcategory"],
  check: (input) => checkJustCharge(input),
  parseText: parseJustChargeText,
});
