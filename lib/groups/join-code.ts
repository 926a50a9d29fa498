import { randomInt } from "node:crypto";

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/** 7 characters of 31: about 27 billion codes, typed as XXX-XXXX. */
const LENGTH = 7;

export function generateJoinCode(): string {
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/** A typed code in canonical form ("k7m 4qx9" → "K7M-4QX9"), or null if it cannot be one. */
export function normalizeJoinCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== LENGTH || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  return `${compact.slice(0, 3)}-${compact.slice(3)}`;
}
