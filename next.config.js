import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaders } from "./lib/http/security-headers.js";

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

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Adding a source posts its text (up to 500,000 characters, a 2 MB file) and its previewed draft.
  experimental: { serverActions: { bodySizeLimit: "10mb" } },
  // The Web Annotation Protocol's containers are addressed with a trailing "/" (their IRIs MUST end
  // in one), which Next would redirect away; proxy.ts redirects every other such path as Next did.
  skipTrailingSlashRedirect: true,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders(process.env.NODE_ENV === "development") }];
  },
};

export default withNextIntl(nextConfig);
