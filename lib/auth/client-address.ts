/**
 * The caller's address for rate limits: the first X-Forwarded-For hop when a reverse proxy sets it
 * (deployments behind one must), else X-Real-IP, else "direct" (all direct callers share one bucket,
 * which errs on the side of limiting).
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "direct";
}
