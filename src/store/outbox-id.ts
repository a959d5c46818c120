import { randomBytes } from "node:crypto";

let lastMs = 0;
let sequence = 0;

/**
 * A new outbox row id: a UUID version 7 (RFC 9562), time-ordered. The SQLite outbox keeps its ids in a
 * B-tree (the primary key's index); a random UUID lands on a random leaf page, so every queued reply wrote
 * one more page to the WAL, while ids that grow with time are appended to the same last page as the other
 * replies of the same commit. 48 bits of milliseconds, a 12-bit counter within the millisecond (so ids of
 * one process also sort in the order they were made), 62 random bits: as unique as a random UUID.
 */
export function newOutboxId(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    // More than 4,096 ids in one millisecond: borrow the next one, so the order holds.
    lastMs++;
    sequence = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
