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
}

/**
 * The consistency checks of the guide's Circuit Sharing article (Solution steps 2-5 and "Circuit Sharing
 * and How it Works"), plus the Hardware Fault note that circuit sharing means one dual pole breaker
 * ("a three wire install").
 */
export function circuitSharingChecks(facts: InstallFacts): Finding[] {
  const findings: Finding[] = [];
  const { model, breakers, wires } = facts;
  if (breakers && wires && (breakers === 1) !== (wires === 3)) {
    findings.push({
      severity: "warning",
      text: `${breakers} dual pole breaker${breakers > 1 ? "s" : ""} and a ${wires} wire install do not go together: one breaker feeds three wires (2 hots, 1 ground), two breakers feed five (4 hots, 1 ground). Count again at the power plate.`,
    });
  }
  const shared = breakers === 1 || wires === 3 ? true : breakers === 2 || wires === 5 ? false : undefined;

  if (model === "cpf") {
    if (facts.circuitSharing || facts.jumpers) {
      findings.push({
        severity: "warning",
        text: "A CPF is a single port station: it uses no jumpers and no circuit sharing.",
      });
    }
  } else if (shared === true && model === "ct4020") {
    if (facts.jumpers === false) {
      findings.push({
        severity: "problem",
        text: "Three wire install without Power Sharing jumpers: a CT4020 on one breaker needs the jumpers; without them expect a Hardware Fault on Port 1.",
      });
    }
    if (facts.circuitSharing === false) {
      findings.push({
        severity: "problem",
        text: "Three wire install with circuit sharing disabled: one car still gets full power, but the breaker trips once a 2nd car plugs in. Enable circuit sharing.",
      });
    }
  } else if (shared === true && model === "ct4010" && facts.jumpers) {
    findings.push({
      severity: "warning",
      text: "A single port CT4010 does not need Power Sharing jumpers on a three wire install.",
    });
  } else if (shared === false) {
    if (facts.circuitSharing) {
      findings.push({
        severity: "problem",
        text: "Five wire install (two breakers) with circuit sharing enabled: nothing breaks, but the station splits the power when it does not need to (6.6 kW becomes 3.3 kW per port with two cars). Disable circuit sharing.",
      });
    }
    if (facts.jumpers) {
      findings.push({
        severity: "warning",
        text: "A five wire install (two breakers) does not need jumpers; the guide's setup for two breakers has none.",
      });
    }
  }

  const { powerSelectAmps, breakerAmps } = facts;
  if (powerSelectAmps !== undefined && powerSelectAmps < breakerAmps) {
    findings.push({
      severity: "problem",
      text: `Power Select (${powerSelectAmps} A) is lower than the breaker rating (${breakerAmps} A): this causes slow charging. Set Power Select to the breaker rating.`,
    });
  } else if (powerSelectAmps !== undefined && powerSelectAmps > breakerAmps) {
    findings.push({
      severity: "problem",
      text: `Power Select (${powerSelectAmps} A) is higher than the breaker rating (${breakerAmps} A): this can trip the breaker. Set Power Select to the breaker rating.`,
    });
  }
  return findings;
}
