import { normaliseText } from "./normalise-text.ts";

/**
 * An article asked about by a field, option, button or column of its own screens, without the article's
 * words: "absolute time or immediate?", "what does Switch Bank do", "where is Verify drivers by". The names
 * are the guide's own (its bold UI names and the screenshots' fields), each shown by one article only; a
 * name two articles show (Status/Actions, Rule Name, Energy) is left to the scorer. Each adds a concept its
 * playbook is trained on. Read in messages only: the triggers already say their article in its own words.
 */
const namesByConcept: Readonly<Record<string, readonly string[]>> = {
  // Firmware Upgrade: Auto-OTA's columns, OTAng's Search panel, Upgrade Options and the upload choice.
  "firmware upgrade": [
    ...["absolute time", "upload selected files", "switch bank", "set factory default", "migrate config"],
    ...["auto dupmtd", "eichrecht", "show gateway only", "do not upgrade", "queue priority", "pending upgrade"],
    ...["new version column", "add to list", "s/w version", "upload to server", "onramp"],
    ...["time completed", "factory software version", "download to stations"],
  ],
  // Flex Billing: the Organizations list's fee columns and the station groups paid to other accounts.
  "flex billing": [
    ...["variable service fee", "fixed service fee", "custom station groups", "custom station group"],
    ...["remittance id", "subscriber's information", "subscriber information", "legal address"],
  ],
  // Multifamily: the Organization Summary fields.
  multifamily: ["org type", "multi family home service", "multifamily home service"],
  // Charging Station Connections: the New / Edit Connection form.
  "connection code": [
    ...["verify drivers by", "org name for drivers", "send confirmation email", "web only", "org category"],
    ...["request additional info", "connected drivers", "approval type", "invite drivers", "connection logo"],
  ],
  // Enable Just Charge: the customer subcategories the mode pops up for.
  "just charge": ["depot car sharing", "distributed depot"],
  // Waitlist: the station's Waitlist tab and the Waitlist Policies page.
  "waitlist policy": ["maximum charging time", "driver finish notification", "drivers waiting", "driver log"],
  // Station Unreachable: the General tab's Network section.
  "cellular signal": ["wan ip", "network operator", "modem roaming", "modem model", "modem manufacturer"],
  // Circuit Sharing: the Status/Actions fields beside it.
  "circuit sharing": ["load shed"],
  // Hardware Fault: the steps named in the guide.
  "hardware fault": ["maintenance flag", "wiring verification", "verification of voltages", "electrical connector"],
  // Earth Ground Fault: the transformer photographs asked for.
  "earth fault": ["secondary neutral", "neutral tap", "transformer plate", "secondary winding"],
};

/** A name's words by its first word, so a message costs one lookup per word. */
const byFirst = new Map<string, (readonly [readonly string[], string])[]>();
for (const [concept, names] of Object.entries(namesByConcept)) {
  for (const name of names) {
    const parts = normaliseText(name).split(" ");
    byFirst.set(parts[0]!, [...(byFirst.get(parts[0]!) ?? []), [parts, concept] as const]);
  }
}

/**
 * "Protocol" and "Immediate" are the guide's too (OTAng's Search panel; the upload "Immediate"), but plain
 * English: only beside the upgrade's own words.
 */
const upgradeContext = new Set([
  ...["search", "dropdown", "drop", "otang", "manufacturers", "manufacturer", "cp6k", "ct4k", "cpe250", "macaw"],
  ...["legacy", "upgrade", "update", "firmware", "upload", "ota"],
]);
const contextNames = new Set(["protocol", "immediate", "immediately"]);

/**
 * A station at fault is the fault's article whatever screen the message passes through ("the hardware
 * version shows on the General tab, port 1 faulted"): only the fault articles' own names count then.
 */
const faultWords = new Set(["fault", "faulted", "faults", "tripped", "trips", "unavailable", "unreachable", "offline"]);
const faultConcepts = new Set(["hardware fault", "earth fault"]);

/** The concepts of the screen names a message says, in order, each once. */
export function screenNameConcepts(words: readonly string[]): string[] {
  const found: string[] = [];
  const atFault = words.some((w) => faultWords.has(w));
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (contextNames.has(w) && !atFault && words.some((x) => upgradeContext.has(x))) {
      if (!found.includes("firmware upgrade")) found.push("firmware upgrade");
      continue;
    }
    for (const [parts, concept] of byFirst.get(w) ?? []) {
      if (found.includes(concept) || (atFault && !faultConcepts.has(concept))) continue;
      if (parts.every((p, k) => words[i + k] === p)) found.push(concept);
    }
  }
  return found;
}
