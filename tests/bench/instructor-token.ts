import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "../../lib/db/create-prisma-client.ts";

/**
 * The seeded seminar's instructor (by email), their group, and a personal access token of theirs
 * made as the account page makes one (lib/auth/create-access-token.ts: only its hash stored).
 */
export async function instructorWithToken(
  prisma: PrismaClient,
  email: string,
  scope: "READ" | "READ_WRITE",
): Promise<{ userId: string; groupId: string; token: string }> {
  const instructor = await prisma.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, memberships: { select: { groupId: true } } },
  });
  const token = `glossa_pat_${randomBytes(32).toString("base64url")}`;
  await prisma.accessToken.create({
    data: {
      userId: instructor.id,
      name: "bench",
      scope,
      tokenHash: createHash("sha256").update(token).digest("hex"),
    },
  });
  return { userId: instructor.id, groupId: instructor.memberships[0]!.groupId, token };
}
