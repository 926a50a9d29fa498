/** Creates an account for the sign-in benchmark on DATABASE_URL or the running embedded database. */
import { createPrismaClient } from "../../lib/db/create-prisma-client.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { requireDatabaseUrl } from "../../lib/cli/database-url.ts";

const [email, password] = process.argv.slice(2);
const prisma = createPrismaClient({ connectionString: requireDatabaseUrl("bench"), poolMax: 1 });
await prisma.user.create({
  data: { name: "Benchmark", email: email!, passwordHash: await hashPassword(password!) },
});
await prisma.$disconnect();
