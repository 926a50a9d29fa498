/*
 * The security headers of every response, in one place: next.config.js sends them with every route,
 * and proxy.ts with the answers it gives itself (Next applies the config's headers to matched paths
 * only, and a path that cannot be decoded matches none). Plain JavaScript, since next.config.js loads
 * it without a compiler.
 */

/**
 * The Content-Security-Policy. Next's inline bootstrap scripts need 'unsafe-inline' (a nonce would
 * need a request-time proxy to issue it, and would make every page dynamic); next/font and React's
 * style attributes need it for styles. `next dev` also evaluates code for Fast Refresh.
 *
 * No form-action: Chromium applies it to the redirect after a form POST, and signing in through
 * GitHub, Google or an OpenID Connect provider without JavaScript is a form POST answered by a
 * redirect to the provider. These headers are fixed when the app is built, while providers are
 * turned on by configuration at run time (the Docker image is built with none), and an OpenID
 * Connect provider's authorization endpoint is only known from its discovery document.
 *
 * @param {boolean} dev
 * @returns {string}
 */
function contentSecurityPolicy(dev) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The headers, as next.config.js's `headers()` takes them.
 *
 * @param {boolean} dev whether this is `next dev`
 * @returns {{ key: string, value: string }[]}
 */
export function securityHeaders(dev) {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(dev) },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}
