/** The playbooks whose solution reads Get Latest Status. */
export const statusPlaybooks = ["hardware-fault", "pilot-unreachable", "relay-stuck-closed"] as const;
export type StatusPlaybook = (typeof statusPlaybooks)[number];

const noClear =
  "Reboot from the dashboard only; DO NOT CLEAR THE MAINTENANCE FLAG (it falsifies the dashboard to force a green pin).";

/**
 * What to do after reading the port lines, per article (guide, Diagnose > Charging Station Out of Service
 * Due to Hardware Fault / Pilot Unreachable / Relay Stuck Closed, Solution).
 */
export const latestStatusSteps: Record<
  StatusPlaybook,
  { cleared: string[]; remains: string[]; port1?: string[]; port2?: string[] }
> = {
  "hardware-fault": {
    cleared: [
      "The fault is cleared: the ports show AVAILABLE. No further action is needed; leave the maintenance flag alone.",
    ],
    port1: [
      "Port 1: check that neither dual pole breaker tripped and both are fully on (a tripped breaker can look on).",
      `If you have not rebooted yet: reboot the station, wait 3-5 minutes and pull the latest status again. ${noClear}`,
      "If the fault remains: power the breakers off for two minutes, then back on (a port 1 hardware fault is often a breaker powered off or tripped).",
    ],
    port2: [
      `Port 2: the fault is spurious. If you have not rebooted yet: reboot the station, wait 3-5 minutes and do a Get Latest Status again. ${noClear}`,
    ],
    remains: [
      "If the fault remains: confirm whether the charger is power-shared or uses Circuit Sharing; if it was power-shared during a new install or head swap, confirm the power management kits (jumpers) are installed.",
      "If it still remains: have a wiring verification done, check the power-plate connector for damage or a loose connection, check the neutral bonding for corrosion, measure the voltage at the power plate, and follow the CT4000 Operations and Maintenance Guide for error code #307.",
      "If all of that is done and the fault still appears: consider station head replacement.",
    ],
  },
  "pilot-unreachable": {
    cleared: [
      'The error is cleared if the outlet shows "Enabled, Available" and the lcdstate line ends PortState[1,2]=Available,Available.',
    ],
    remains: [
      `If you have not rebooted yet: send a Reboot from Status/Actions, wait 5 minutes (or until the last communication time updates) and pull the latest status again. ${noClear}`,
      "If the outlet still shows ENABLE, OUT_OF_SERVICE after the reboot, the fault is real: Pilot Unreachable has no remote fix, so consider station head replacement.",
    ],
  },
  "relay-stuck-closed": {
    cleared: [
      "The fault cleared: scan the alarm log for the last 90 days. If there are other Relay Stuck Closed occurrences, the station head needs to be replaced.",
    ],
    remains: [
      `If you have not rebooted yet: reboot the station, wait 3-5 minutes and pull the latest status again. ${noClear}`,
      "If the port still shows OUT_OF_SERVICE after the reboot: Relay Stuck Closed has no remote fix, so consider station head replacement.",
    ],
  },
};
