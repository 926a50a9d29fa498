import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export interface DatabaseOptions {
  connectionString: string;
  /** PostgreSQL schema to work in (tests give each run its own); default "public". */
  schema?: string;
  poolMax?: number;
}

/** A Prisma client over the pg driver adapter. Scripts and tests use this; the app uses `lib/db`. */
export function createPrismaClient({
  connectionString,
  schema,
  poolMax = 10,
}: DatabaseOptions): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: poolMax }, schema ? { schema } : undefined);
  return new PrismaClient({ adapter });
}

export type { PrismaClient };
