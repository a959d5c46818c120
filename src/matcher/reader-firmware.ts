/**
 * The card reader's own firmware is the RFID Reader article's, not Firmware Upgrade's.
 *
 * The RFID article reads the reader's version in Get Latest Status ("a good status should be rfidinfo
 * 210326, UIC 68FCA911_V1.1") and notes that "Older CT4000 stations … with RFID firmware 210316, UIC
 * 68T01421_V2.1 … [are] too old to support critical updates": consider a head replacement, not an OTAng
 * push. Firmware Upgrade is the station's software (Auto-OTA, OTAng). So an update word said of the
 * reader ("a firmware upgrade for the reader", "the RFID firmware", "reader software") is dropped and the
 * reader decides.
 */
const updateWords = new Set(["firmware", "fw", "upgrade", "upgrades", "update", "updates", "software", "version"]);
const readerWords = new Set(["reader", "readers", "rfid", "rfidinfo", "uic"]);

export const readerFirmwareCues: ReadonlySet<string> = new Set(["reader", "readers", "rfid", "rfidinfo", "uic"]);

/** Any update, a push included: once the reader's firmware is named, the message's other updates are its scene. */
const anyUpdateWords = new Set([...updateWords, "push", "pushed", "ota", "otang"]);
const cardWords = new Set(["card", "cards", "badge", "badges", "fob", "fobs", "tap", "taps", "rfid"]);
const failWords = new Set(["stopped", "not", "no", "never", "failing", "fail", "fails", "dead", "ignored"]);

/** Positions of update words within a few words of a reader word. */
export function readerFirmwarePositions(words: readonly string[]): number[] {
  const positions: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!updateWords.has(words[i]!)) continue;
    const from = Math.max(0, i - 3);
    if (words.slice(from, i + 6).some((w) => readerWords.has(w))) positions.push(i);
  }
  // "reader firmware 210316. cards stopped working after the latest update push": the guide's old reader
  // that cannot take critical updates, with cards failing. The push is when, the reader is what.
  if (positions.length > 0 && words.some((w) => cardWords.has(w)) && words.some((w) => failWords.has(w))) {
    for (let i = 0; i < words.length; i++)
      if (anyUpdateWords.has(words[i]!) && !positions.includes(i)) positions.push(i);
  }
  return positions.sort((a, b) => a - b);
}
