import { z } from "zod";

/**
 * The environment, read and validated once. Every other module imports `env` instead of reading
 * `process.env` itself, so a bad setting fails at start with a message that names it.
 */
const EnvSchema = z.object({
  /** An empty DATABASE_URL means "not set", so a caller can unset it for a child process. */
  DATABASE_URL: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string")
      .optional(),
  ),
  /** Connections in the app's pool; the embedded database serves one session, so it sets 1. */
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /** Where the embedded PostgreSQL (PGlite) keeps its data when DATABASE_URL is not set. */
  GLOSSA_DATA_DIR: z.string().min(1).default(".glossa/data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Address the app listens on; 0.0.0.0 in a container. (Not HOSTNAME: shells and Docker set that.) */
  GLOSSA_HOST: z.string().min(1).default("127.0.0.1"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof EnvSchema>;

function readEnv(): Env {
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

export const env: Env = readEnv();
