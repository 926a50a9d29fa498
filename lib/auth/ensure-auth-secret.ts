import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/prisma/client.ts";

/**
 * The secret that signs session cookies when AUTH_SECRET is not configured: made once, kept in the
 * database, so every instance on the same database and every restart use the same one.
 */
export async function ensureAuthSecret(prisma: PrismaClient): Promise<string> {
  const created = randomBytes(32).toString("base64url");
  const setting = await prisma.setting.upsert({
    where: { key: "auth_secret" },
    create: { key: "auth_secret", value: created },
    update: {},
  });
  return setting.value;
}
