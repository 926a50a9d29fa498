import { z } from "zod";
import { parseTrustedProxies } from "./http/trusted-proxy.ts";

/** An empty variable means "not set", so a caller can unset one for a child process. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema.optional());
}

/**
 * The environment, read and validated once. Every other module imports `env` instead of reading
 * `process.env` itself, so a bad setting fails at start with a message that names it.
 */
const EnvSchema = z
  .object({
    DATABASE_URL: optional(
      z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string"),
    ),
    /** Connections in the app's pool; the embedded database serves one session, so it sets 1. */
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    /**
     * Connections of a second pool for what readers ask again and again (indexes, lists, the live
     * connection's versions, presence), so that a class of readers never queues ahead of a write.
     * Not used on the embedded database (one session).
     */
    DATABASE_READ_POOL_MAX: z.coerce.number().int().min(1).max(100).default(8),
    /**
     * Sign-ups allowed from one client address an hour (lib/auth/account-request-limits.ts): raise it
     * for a campus whose students all come through one address (the end-to-end tests do).
     */
    SIGN_UPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(100),
    /**
     * Set ("1") by `npm start` when DATABASE_URL is its own embedded PostgreSQL: then this is the only
     * app instance, and live changes go from writer to readers within the process instead of through
     * PostgreSQL's LISTEN/NOTIFY (which the embedded database's one shared session cannot route).
     */
    GLOSSA_EMBEDDED_DATABASE: optional(z.literal("1")),
    /** Where the embedded PostgreSQL (PGlite) keeps its data when DATABASE_URL is not set. */
    GLOSSA_DATA_DIR: z.string().min(1).default(".glossa/data"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Address the app listens on; 0.0.0.0 in a container. (Not HOSTNAME: shells and Docker set that.) */
    GLOSSA_HOST: z.string().min(1).default("127.0.0.1"),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),

    /** Signs session cookies. `npm start` creates one and keeps it in the database when unset. */
    AUTH_SECRET: optional(z.string().min(32, "AUTH_SECRET must be at least 32 characters")),
    /** Optional sign-in providers: each is on when its variables are set. */
    AUTH_GITHUB_ID: optional(z.string().min(1)),
    AUTH_GITHUB_SECRET: optional(z.string().min(1)),
    AUTH_GOOGLE_ID: optional(z.string().min(1)),
    AUTH_GOOGLE_SECRET: optional(z.string().min(1)),
    /** A generic OpenID Connect provider, e.g. a university's Keycloak realm URL. */
    AUTH_OIDC_ISSUER: optional(z.url()),
    AUTH_OIDC_ID: optional(z.string().min(1)),
    AUTH_OIDC_SECRET: optional(z.string().min(1)),
    AUTH_OIDC_NAME: z.string().min(1).default("University sign-in"),
    /** SMTP for email sign-in links, invitations and password resets, e.g. smtp://user:pass@host:587. */
    SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")),
    EMAIL_FROM: z.string().min(3).default("Glossa <glossa@localhost>"),
    /**
     * The public address of the app, used in every link it gives out (emails, citations, permalinks,
     * exports); default: the address the reader's connection reached (emails: http://GLOSSA_HOST:PORT).
     */
    GLOSSA_PUBLIC_URL: optional(z.url()),
    /**
     * Reverse proxies allowed to say who the client is (in the forwarding header that
     * lib/http/trusted-proxy.ts reads): a number of hops, or their addresses and CIDR networks,
     * comma-separated. Unset: the TCP peer is the client. See trusted-proxy.ts.
     */
    /**
     * Site administrators, who may add sources to the public library (everyone reads them): their
     * sign-in email addresses, comma-separated. Unset: nobody may; sources are added to groups only.
     */
    ADMIN_EMAILS: z
      .string()
      .default("")
      .transform((value) =>
        value
          .split(",")
          .map((email) => email.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.email("ADMIN_EMAILS must be email addresses, comma-separated")).max(1000)),
    GLOSSA_TRUSTED_PROXIES: optional(
      z.string().superRefine((value, context) => {
        try {
          parseTrustedProxies(value);
        } catch (error) {
          context.addIssue({ code: "custom", message: (error as Error).message });
        }
      }),
    ),
  })
  .refine((e) => !e.GLOSSA_TRUSTED_PROXIES || e.GLOSSA_TRUSTED_PROXIES === "0" || e.GLOSSA_PUBLIC_URL, {
    path: ["GLOSSA_PUBLIC_URL"],
    message:
      "GLOSSA_TRUSTED_PROXIES needs GLOSSA_PUBLIC_URL: behind a proxy, links must name the public address",
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
