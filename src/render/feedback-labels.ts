import type { Playbook } from "../playbooks/playbook-schema.ts";

/** The one question asked at a first answer and at the end of a walkthrough. */
export const feedbackQuestion = "Did this help?";

/**
 * Whether the playbook sets something up rather than fixes a fault: the guide's Configure section (Just
 * Charge, firmware upgrades, station messages), whose articles name no fault code.
 */
export function isSetUp(playbook: Pick<Playbook, "section" | "errorLogs">): boolean {
  return playbook.section === "Configure" && (playbook.errorLogs?.faultCodes?.length ?? 0) === 0;
}

/** "Fixed" means nothing for a set-up article, so its answers read Done / Stuck. */
export function feedbackLabels(playbook: Pick<Playbook, "section" | "errorLogs">): { yes: string; no: string } {
  return isSetUp(playbook) ? { yes: "Done", no: "Stuck" } : { yes: "Fixed it", no: "Didn't help" };
}
