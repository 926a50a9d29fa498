/**
 * `npm run user:reset-password -- <email>`: for an operator without SMTP. Prints a one-time link
 * (valid one hour) that lets the user set a new password. Works on DATABASE_URL, or on the embedded
 * database of a running `npm start`.
 */
import { createPrismaClient } from "../db/create-prisma-client.ts";
import { createPasswordResetToken, RESET_TOKEN_TTL_MS } from "../auth/password-reset-token.ts";
import { EmailSchema } from "../auth/schema.ts";
import { env } from "../env.ts";
import { requireDatabaseUrl } from "./database-url.ts";

const email = EmailSchema.safeParse(process.argv[2] ?? "");
if (!email.success) {
  console.error("Usage: npm run user:reset-password -- <email>");
  process.exit(2);
}
const prisma = createPrismaClient({
  connectionString: requireDatabaseUrl("user:reset-password"),
  poolMax: 1,
});
try {
  const user = await prisma.user.findUnique({
    where: { email: email.data },
    select: { id: true, locale: true },
  });
  if (!user) {
    console.error(`No account has the email ${email.data}.`);
    process.exitCode = 1;
  } else {
    const token = await createPasswordResetToken(prisma, user.id);
    const origin =
      env.GLOSSA_PUBLIC_URL ??
      `http://${env.GLOSSA_HOST === "0.0.0.0" ? "localhost" : env.GLOSSA_HOST}:${env.PORT}`;
    const link = new URL(`/${user.locale === "en" ? "en" : "pl"}/reset-password?token=${token}`, origin);
    console.log(
      `Send this link to the user; it works once, for ${RESET_TOKEN_TTL_MS / 60_000} minutes:\n${link}`,
    );
  }
} finally {
  await prisma.$disconnect();
}
