/** A whole credentials sign-in over HTTP, the way a browser does it: CSRF token, form POST, cookies. */

export interface SessionCookie {
  name: string;
  value: string;
}

/** Adds the response's Set-Cookie pairs to `jar`; returns the jar as a Cookie header. */
function cookieHeader(response: Response, jar: Map<string, string>): string {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const [name, ...value] = pair!.split("=");
    jar.set(name!, value.join("="));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/**
 * Signs in with email and password at `origin` (`GET /api/auth/csrf`, then
 * `POST /api/auth/callback/credentials`). Returns the session cookie it was given, or null when the
 * sign-in was refused.
 */
export async function signInThroughApi(
  origin: string,
  email: string,
  password: string,
): Promise<SessionCookie | null> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(csrf, jar) },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  await response.body?.cancel();
  cookieHeader(response, jar);
  const session = [...jar].find(([name]) => name.endsWith("authjs.session-token"));
  return session ? { name: session[0], value: session[1] } : null;
}
