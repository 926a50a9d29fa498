import createNextIntlPlugin from "next-intl/plugin";

/**
 * Messages are compiled when the app is built (next-intl's `precompile`): the browser gets them as
 * small ready-made formats and no ICU parser (intl-messageformat, ~12 kB gzipped of every page's
 * JavaScript).
 */
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: {
    messages: { path: "./lib/i18n/messages", format: "json", locales: ["pl", "en"], precompile: true },
  },
});

/**
 * The Content-Security-Policy of every response. Next's inline bootstrap scripts need
 * 'unsafe-inline' (a nonce would need a request-time proxy, which this app does not have, and would
 * make every page dynamic); next/font and React's style attributes need it for styles. `next dev`
 * also evaluates code for Fast Refresh.
 *
 * No form-action: Chromium applies it to the redirect after a form POST, and signing in through
 * GitHub, Google or an OpenID Connect provider without JavaScript is a form POST answered by a
 * redirect to the provider. These headers are fixed when the app is built, while providers are
 * turned on by configuration at run time (the Docker image is built with none), and an OpenID
 * Connect provider's authorization endpoint is only known from its discovery document.
 */
function contentSecurityPolicy() {
  const dev = process.env.NODE_ENV === "development";
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

const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy() },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default withNextIntl(nextConfig);
