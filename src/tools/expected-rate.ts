import { z } from "zod";
import { type ChargingSetup, chargingSetups, formatKwRange, type KwRange } from "./charging-rates.ts";
import { circuitSharingChecks, type Finding } from "./circuit-sharing-checks.ts";
import { defineTool } from "./define-tool.ts";
import { describeValue } from "./describe-value.ts";
import { flagField, numberField } from "./field-schemas.ts";
import { parseChargingSetup } from "./parse-charging-setup.ts";
import type { ToolResult } from "./tool-result.ts";

const oneOrTwo = (label: string, what: string) =>
  z.union([z.literal(1), z.literal(2)], {
    error: (iss) => `${label} must be 1 or 2 (${what}); got ${describeValue(iss.input)}`,
  });
const amps = (label: string) =>
  numberField({
    label,
    unit: "A",
    min: 1,
    max: 100,
    maxReason: "the guide's Level 2 setups use 40 to 60 A",
    example: "40",
  });

export const expectedRateInput = z.strictObject({
  model: z.enum(["ct4020", "ct4010", "cpf"], {
    error: (iss) => `model must be ct4020, ct4010 or cpf; got ${describeValue(iss.input)}`,
  }),
  breakerAmps: amps("breakerAmps"),
  breakers: oneOrTwo("breakers", "dual pole breakers feeding the station").optional(),
  wires: z
    .union([z.literal(3), z.literal(5)], {
      error: (iss) => `wires must be 3 or 5 (wires feeding the power plate); got ${describeValue(iss.input)}`,
    })
    .optional(),
  circuitSharing: flagField("circuitSharing").optional(),
  jumpers: flagField("jumpers").optional(),
  cars: oneOrTwo("cars", "cars charging at once").optional(),
  powerSelectAmps: amps("powerSelectAmps").optional(),
  /** The rate a session actually reached, per car, to compare with the guide's figure. */
  measuredKw: numberField({
    label: "measuredKw",
    unit: "kW",
    min: 0,
    max: 100,
    maxReason: "Level 2 AC stations deliver far less than 100 kW",
    example: "2.1",
  }).optional(),
});
export type ExpectedRateInput = z.infer<typeof expectedRateInput>;

export interface ExpectedRate {
  setup?: ChargingSetup;
  /** Per car for the number of cars asked about (one when not said). */
  perCar?: KwRange;
  twoCars?: KwRange;
  /** Why there is no figure, or what was assumed to find one. */
  notes: string[];
}

/** Looks up the guide's figure for a hardware setup; pure, shared with the session rate check. */
export function expectedRateFor(input: ExpectedRateInput): ExpectedRate {
  const { model, breakerAmps } = input;
  if (model === "ct4010") return { notes: ["The guide gives no expected rate for a single port CT4010."] };
  if (model === "cpf") {
    const setup = chargingSetups.find((s) => s.model === "cpf" && s.breakerAmps === breakerAmps);
    if (!setup) return { notes: [`The guide gives CPF rates for 40, 50 and 60 A breakers, not ${breakerAmps} A.`] };
    return { setup, perCar: setup.oneCar, notes: [] };
  }
  if (breakerAmps !== 40) {
    return {
      notes: [
        `The guide's CT4020 rates assume 40 A breakers (Circuit Sharing, step 3: verify the breakers are 40 Amps), not ${breakerAmps} A.`,
      ],
    };
  }
  const notes: string[] = [];
  let breakers = input.breakers ?? (input.wires === 3 ? 1 : input.wires === 5 ? 2 : undefined);
  if (breakers === undefined && input.circuitSharing !== undefined) {
    breakers = input.circuitSharing ? 1 : 2;
    notes.push(
      `Assumed ${breakers === 1 ? "one breaker" : "two breakers"} from circuit sharing being ${input.circuitSharing ? "enabled" : "disabled"}; say "one breaker" or "two breakers" to be sure.`,
    );
  }
  if (breakers === undefined) {
    return {
      notes: [
        "Say whether one or two dual pole breakers feed the CT4020: the expected rate with two cars depends on it.",
      ],
    };
  }
  const setup = chargingSetups.find((s) => s.model === "ct4020" && s.breakers === breakers)!;
  // "Circuit Sharing and How it Works": enabled on a five wire install, it still splits 6.6 kW into 3.3 kW per port.
  const twoCars = breakers === 2 && input.circuitSharing ? { min: 3.3, max: 3.3 } : setup.twoCars;
  return { setup, perCar: input.cars === 2 ? twoCars : setup.oneCar, twoCars, notes };
}

const slowChargingChecks = [
  "If sessions fall short of this rate: check the breaker rating and the number of breakers against what the dashboard is configured with, check voltages, run a test session with a different vehicle, and look for damage (cable, connector, latch, power plate, jumpers) and worn breakers (Slow or Zero Energy Dispensed, step 2).",
];

/** The setup as the person described it, so a faulty install is not shown as the guide's ideal one. */
function describeInstall(input: ExpectedRateInput): string {
  const parts = [
    `${input.model.toUpperCase()} on ${input.breakers === 2 ? "two " : input.breakers === 1 ? "one " : ""}${input.breakerAmps} A breaker${input.breakers === 2 ? "s" : ""}`,
  ];
  if (input.wires) parts.push(`${input.wires} wire install`);
  if (input.circuitSharing !== undefined)
    parts.push(`circuit sharing ${input.circuitSharing ? "enabled" : "disabled"}`);
  if (input.jumpers !== undefined) parts.push(input.jumpers ? "jumpers installed" : "no jumpers");
  if (input.cars) parts.push(`${input.cars} car${input.cars > 1 ? "s" : ""} charging`);
  return parts.join(", ");
}

export function checkExpectedRate(
  input: ExpectedRateInput,
  playbook = "slow-zero-energy",
): ToolResult<ExpectedRate & { findings: Finding[] }> {
  const rate = expectedRateFor(input);
  const findings = circuitSharingChecks(input);
  const problems = findings.filter((f) => f.severity === "problem");
  const figures = [{ label: "Setup", value: describeInstall(input) }];
  if (rate.setup) figures.push({ label: "Guide's figures for", value: rate.setup.description });
  if (rate.setup) figures.push({ label: "One car", value: formatKwRange(rate.setup.oneCar) });
  if (rate.twoCars) figures.push({ label: "Two cars", value: `${formatKwRange(rate.twoCars)} each` });
  if (input.powerSelectAmps !== undefined) figures.push({ label: "Power Select", value: `${input.powerSelectAmps} A` });
  // Measured against the guide's figure as it stands: the guide gives no tolerance.
  const below = input.measuredKw !== undefined && rate.perCar !== undefined && input.measuredKw < rate.perCar.min;
  if (input.measuredKw !== undefined) {
    const against = rate.perCar ? ` (guide: ${formatKwRange(rate.perCar)} per car)` : "";
    figures.push({ label: "Measured", value: `${input.measuredKw} kW${against}` });
  }

  const rateText = rate.setup
    ? `expect ${formatKwRange(rate.setup.oneCar)} for one car${rate.twoCars ? ` and ${formatKwRange(rate.twoCars)} each for two` : ""}`
    : "no expected rate in the guide for this setup";
  const measuredText =
    input.measuredKw === undefined || !rate.perCar
      ? ""
      : below
        ? ` Measured ${input.measuredKw} kW is below the guide's ${formatKwRange(rate.perCar)} per car.`
        : ` Measured ${input.measuredKw} kW meets the guide's ${formatKwRange(rate.perCar)} per car.`;
  const summary =
    (problems.length > 0
      ? `${problems.length > 1 ? `${problems.length} install problems, first: ` : "Install problem: "}${problems[0]!.text.split(":")[0]}. Guide's rate: ${rateText}.`
      : `${describeInstall(input)}: ${rateText}.`) + measuredText;
  const explanation = [
    ...rate.notes,
    ...findings.map((f) => f.text),
    "The guide's figures assume ideal conditions (no voltage fluctuations, breaker, station, vehicle or infrastructure issues) and Power Select set to the breaker rating.",
  ];
  return {
    tool: "expected-rate",
    playbook,
    verdict: problems.length > 0 || below ? "problem" : findings.length > 0 || !rate.setup ? "warning" : "ok",
    summary,
    figures,
    explanation,
    errors: [],
    next: [...findings.map((f) => f.fix), ...slowChargingChecks],
    data: { ...rate, findings },
  };
}

export const expectedRateTool = defineTool({
  id: "expected-rate",
  title: "Expected charging rate",
  playbook: "slow-zero-energy",
  playbooks: ["slow-zero-energy", "circuit-sharing"],
  summary: "Expected kW per car for a CT4020 or CPF setup, with the circuit sharing, jumper and Power Select checks.",
  usage:
    "rate <model> <breaker amps> [one|two breakers] [circuit sharing on|off] [jumpers|no jumpers] [2 cars] [power select <A>] [measured kW]",
  examples: [
    "rate ct4020 40 one breaker circuit sharing 2 cars",
    "rate cpf 50",
    "rate ct4020 40 two breakers power select 32",
  ],
  inputSchema: expectedRateInput,
  fields: [
    "model",
    "breakerAmps",
    "breakers",
    "wires",
    "circuitSharing",
    "jumpers",
    "cars",
    "powerSelectAmps",
    "measuredKw",
  ],
  check: (input, playbook) => checkExpectedRate(input, playbook),
  parseText: (text) => {
    const parsed = parseChargingSetup(text);
    return parsed.errors.length > 0 ? { ok: false, errors: parsed.errors } : { ok: true, input: parsed.setup };
  },
});
