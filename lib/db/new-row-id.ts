import { randomBytes } from "node:crypto";

/** Characters after the time and counter: 13 base-36 digits of randomness (~67 bits). */
const RANDOM_DIGITS = 13;

let counter = 0;

/**
 * A new row id in the shape of Prisma's `cuid()` (25 characters: "c", the time, a counter, random
 * digits), for rows written by a raw statement, which Prisma's client does not fill in. Ids made
 * later sort after those made earlier (to the millisecond), as cuids do.
 */
export function newRowId(): string {
  counter = (counter + 1) % 36 ** 3;
  const time = Date.now().toString(36).padStart(8, "0");
  const random = BigInt(`0x${randomBytes(9).toString("hex")}`)
    .toString(36)
    .padStart(RANDOM_DIGITS, "0")
    .slice(-RANDOM_DIGITS);
  return `c${time}${counter.toString(36).padStart(3, "0")}${random}`;
}
