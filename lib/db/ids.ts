import { randomUUID } from "node:crypto";

// Four base-36 digits, as cuid has; it wraps after 1.7 million ids, out of order only if that
// happens within one millisecond.
const COUNTER_SPACE = 36 ** 4;
let counter = 0;

/**
 * A new row id for rows written by raw statements, ordered like the ids Prisma's `cuid()` gives:
 * "c", the time in base 36, then a counter. Timelines, the audit log and the bell order rows of
 * one moment by id (`createdAt, id`), so rows written in one transaction must sort in the order
 * they were written, also beside rows Prisma made. The random tail keeps ids unguessable.
 */
export function newId(): string {
  counter = (counter + 1) % COUNTER_SPACE;
  const time = Date.now().toString(36).padStart(8, "0");
  const count = counter.toString(36).padStart(4, "0");
  // randomUUID draws from a cached pool of entropy; randomBytes asked the system on every call. Its
  // version and variant digits (13th and 17th) are fixed, so they are left out: 88 random bits.
  const hex = randomUUID().replace(/-/g, "");
  return `c${time}${count}${hex.slice(0, 12)}${hex.slice(13, 16)}${hex.slice(17, 24)}`;
}
