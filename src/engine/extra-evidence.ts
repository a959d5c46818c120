/**
 * Evidence the team keeps beyond a playbook's own list (our addition, not the guide's): details typed in
 * the thread that no listed item asks for, and files attached there.
 */
export const extraEvidence = {
  details: "Other details given in the thread",
  files: "Files attached in the thread",
} as const;
