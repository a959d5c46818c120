/**
 * The company's own IT equipment: a laptop's cracked screen, a monitor that went black, a work phone's
 * update, a headset or a printer, and "replacement hardware" from the IT team for them. They share the
 * articles' words (replace, hardware, screen, firmware, update) but the guide's Replace Hardware and Firmware
 * Upgrade are about a ChargePoint station, so a desk's device with no station in the message is the IT
 * team's. A station, port, session or charger anywhere keeps it the articles' ("the laptop we use for the
 * dashboard shows the station unreachable").
 */

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);

/** Devices that are a desk's, whoever owns them. */
const deskDevices = setOf(
  ...["laptop", "laptops", "tablet", "tablets", "headset", "headsets", "keyboard", "printer", "printers"],
  ...["projector", "projectors", "desktop", "webcam", "ipad", "macbook", "thinkpad", "chromebook"],
);
/** A monitor is one only as a noun: "my monitor", "a second monitor" ("monitor the sessions" is a verb). */
const monitorWords = setOf("monitor", "monitors");
const monitorBefore = setOf(...["my", "the", "a", "second", "external", "new", "replacement", "our", "her", "his"]);
/** A phone, screen or display is the company's only when the office or the job owns it. */
const sharedDevices = setOf("phone", "phones", "screen", "screens", "display", "displays", "computer", "pc");
const workOwners = setOf("work", "office", "company", "desk", "corporate", "loaner");

const stationWords = setOf(
  ...["station", "stations", "charger", "chargers", "port", "ports", "session", "sessions", "evse", "connector"],
  ...["cable", "holster", "rfid", "unit", "units", "kwh", "energy", "charging", "dashboard", "driver", "drivers"],
  ...["ev", "evs", "car", "cars", "pedestal", "head"],
);

function namesCompanyDevice(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      deskDevices.has(w) ||
      (monitorWords.has(w) && monitorBefore.has(words[i - 1] ?? "")) ||
      (sharedDevices.has(w) && (workOwners.has(words[i - 1] ?? "") || workOwners.has(words[i - 2] ?? ""))),
  );
}

/** "IT is shipping me a replacement laptop", "my office phone's display shows a firmware update error". */
export function asksCompanyIt(words: readonly string[]): boolean {
  if (words.some((w) => stationWords.has(w))) return false;
  return namesCompanyDevice(words);
}

/** Words without one of which the rule cannot fire (it runs on every sentence). */
export const companyItCues: ReadonlySet<string> = new Set([...deskDevices, ...monitorWords, ...sharedDevices]);
