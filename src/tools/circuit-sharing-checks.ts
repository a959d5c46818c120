export interface InstallFacts {
  model: "ct4020" | "ct4010" | "cpf";
  breakerAmps: number;
  breakers?: 1 | 2;
  wires?: 3 | 5;
  circuitSharing?: boolean;
  jumpers?: boolean;
  powerSelectAmps?: number;
}

export interface Finding {
  severity: "problem" | "warning";
  text: string;
  /** What to do about it, for the result's next steps. */
  fix: string;
}

/** Checks that only apply to how the station is wired: one breaker (three wire) or two (five wire). */
function wiringChecks(facts: InstallFacts, shared: boolean | undefined): Finding[] {
  const { model, circuitSharing, jumpers } = facts;
  if (model === "cpf") {
    return circuitSharing || jumpers
      ? [
          {
            severity: "warning",
            text: "A CPF is a single port station: it uses no jumpers and no circuit sharing.",
            fix: "Check the model: the guide's CPF setups have no jumpers and no circuit sharing.",
          },
        ]
      : [];
  }
  const findings: Finding[] = [];
  if (shared === true && model === "ct4020") {
    if (jumpers === false) {
      findings.push({
        severity: "problem",
        text: "Three wire install without Power Sharing jumpers: a CT4020 on one breaker needs the jumpers; without them expect a Hardware Fault on Port 1.",
        fix: "Have the Power Sharing jumpers installed (a three wire CT4020 needs them).",
      });
    }
    if (circuitSharing === false) {
      findings.push({
        severity: "problem",
        text: "Three wire install with circuit sharing disabled: one car still gets full power, but the breaker trips once a 2nd car plugs in.",
        fix: "Enable circuit sharing (Status/Actions shows whether it is enabled).",
      });
    }
  } else if (shared === true && model === "ct4010" && jumpers) {
    findings.push({
      severity: "warning",
      text: "A single port CT4010 does not need Power Sharing jumpers on a three wire install.",
      fix: "No jumpers are needed on a CT4010.",
    });
  } else if (shared === false) {
    if (circuitSharing) {
      findings.push({
        severity: "problem",
        text: "Five wire install (two breakers) with circuit sharing enabled: nothing breaks, but the station splits the power when it does not need to (6.6 kW becomes 3.3 kW per port with two cars).",
        fix: "Disable circuit sharing: a five wire install does not need it.",
      });
    }
    if (jumpers) {
      findings.push({
        severity: "warning",
        text: "A five wire install (two breakers) does not need jumpers; the guide's two-breaker setup has none.",
        fix: "Jumpers are not needed on a five wire install.",
      });
    }
  }
  return findings;
}

/**
 * The consistency checks of the guide's Circuit Sharing article (Solution steps 2-5 and "Circuit Sharing
 * and How it Works"), plus the Hardware Fault note that circuit sharing means one dual pole breaker
 * ("a three wire install").
 */
export function circuitSharingChecks(facts: InstallFacts): Finding[] {
  const findings: Finding[] = [];
  const { breakers, wires, powerSelectAmps, breakerAmps } = facts;
  if (breakers && wires && (breakers === 1) !== (wires === 3)) {
    findings.push({
      severity: "warning",
      text: `${breakers} dual pole breaker${breakers > 1 ? "s" : ""} and a ${wires} wire install do not go together: one breaker feeds three wires (2 hots, 1 ground), two breakers feed five (4 hots, 1 ground).`,
      fix: "Count the breakers, and the wires at the power plate, again.",
    });
  }
  const shared = breakers === 1 || wires === 3 ? true : breakers === 2 || wires === 5 ? false : undefined;
  findings.push(...wiringChecks(facts, shared));

  if (powerSelectAmps !== undefined && powerSelectAmps !== breakerAmps) {
    const lower = powerSelectAmps < breakerAmps;
    findings.push({
      severity: "problem",
      text: `Power Select (${powerSelectAmps} A) is ${lower ? "lower" : "higher"} than the breaker rating (${breakerAmps} A): ${lower ? "this causes slow charging" : "this can trip the breaker"}.`,
      fix: `Set Power Select to the breaker rating (${breakerAmps} A).`,
    });
  }
  return findings;
}
