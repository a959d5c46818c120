import { randomUUID } from "node:crypto";

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
  // The random part comes from a version 4 UUID: Node draws those from a cached pool of random bytes,
  // where randomBytes(16) asked OpenSSL on every call (3% of the store's CPU per turn). Its last two groups
  // are the variant bits (the same "10" as version 7) and 62 random bits.
  const time = lastMs.toString(16).padStart(12, "0");
  return `${time.slice(0, 8)}-${time.slice(8)}-${(0x7000 | sequence).toString(16)}-${randomUUID().slice(19)}`;
}
