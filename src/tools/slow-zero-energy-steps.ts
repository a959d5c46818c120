/** Guide, Diagnose > Slow or Zero Energy Dispensed, Solution > Slow Charging, step 2-3. */
export const slowChargingSteps = [
  "Check the breaker rating and confirm it is configured correctly in the dashboard (Power Select set to the breaker rating).",
  "Check the number of breakers installed and confirm it is configured correctly in the dashboard.",
  "Check the voltages and whether they conform to ChargePoint standards.",
  "Do a test session with a different vehicle to rule out the vehicle.",
  "Check for damage on the station side: charging cable and connector, latch, power plate and jumpers; check the breakers for wear.",
  "If the issue persists, consider station replacement.",
] as const;

/** Guide, Diagnose > Slow or Zero Energy Dispensed, Solution > Zero Energy Dispense, steps 1-4. */
export const zeroEnergySteps = [
  "Decide whether it is intermittent or a single occurrence: seen only once, it is acceptable to ignore it.",
  "Check whether it affects one driver or several; for one driver, monitor the station for the next 48 hours for other drivers.",
  "If several drivers are affected: check the connectors for damage, whether one port or both are affected (for one port: power plate, its breaker if two breakers, or jumpers if one), wiring and voltages, and any access or pricing policy that could stop drivers using the station.",
  "If all of that checks out, consider station replacement.",
] as const;
