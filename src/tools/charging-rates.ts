/** A range of kW; min equals max where the guide gives one figure. */
export interface KwRange {
  min: number;
  max: number;
}

export interface ChargingSetup {
  id: string;
  model: "ct4020" | "cpf";
  breakerAmps: number;
  /** Number of dual pole breakers feeding the station. */
  breakers: 1 | 2;
  circuitSharing: boolean;
  jumpers: boolean;
  /** Per car, with one car and with two cars charging. A CPF has one port, so no second car. */
  oneCar: KwRange;
  twoCars?: KwRange;
  description: string;
}

/**
 * Guide, Diagnose > Slow or Zero Energy Dispensed, Solution > Slow Charging, step 1. The figures assume
 * ideal conditions and Power Select set to the breaker rating.
 */
export const chargingSetups: readonly ChargingSetup[] = [
  {
    id: "ct4020-one-breaker",
    model: "ct4020",
    breakerAmps: 40,
    breakers: 1,
    circuitSharing: true,
    jumpers: true,
    oneCar: { min: 6.6, max: 6.6 },
    twoCars: { min: 3, max: 3.3 },
    description: "CT4020 on one 40 A breaker (circuit sharing enabled, jumpers installed)",
  },
  {
    id: "ct4020-two-breakers",
    model: "ct4020",
    breakerAmps: 40,
    breakers: 2,
    circuitSharing: false,
    jumpers: false,
    oneCar: { min: 6.6, max: 6.6 },
    twoCars: { min: 6.6, max: 6.6 },
    description: "CT4020 on two 40 A breakers (circuit sharing disabled, no jumpers)",
  },
  ...(
    [
      [40, { min: 6.6, max: 6.6 }],
      [50, { min: 8.3, max: 9.6 }],
      [60, { min: 9.9, max: 11.5 }],
    ] as const
  ).map(([amps, oneCar]) => ({
    id: `cpf-${amps}`,
    model: "cpf" as const,
    breakerAmps: amps,
    breakers: 1 as const,
    circuitSharing: false,
    jumpers: false,
    oneCar,
    description: `CPF single port station on a ${amps} A breaker (no jumpers, no circuit sharing)`,
  })),
];

/** The one-car rate of a CT4020 or a CPF on 40 A, used when a session check is given no hardware setup. */
export const defaultOneCarRate: KwRange = { min: 6.6, max: 6.6 };

export const formatKwRange = (r: KwRange): string => (r.min === r.max ? `${r.min} kW` : `${r.min}–${r.max} kW`);
