import "server-only";

/**
 * The last indexes this app instance served, as the JSON sent, by their ETag. The tag is a hash of
 * everything the index depends on — the reader, their group and role, the edition, and the count and
 * latest change of the annotations in scope — so an entry is never stale and never another reader's:
 * a reader coming back to a source nobody has changed since gets it without reading 5,000 rows
 * again. Per instance and only a cache: any instance can make any entry, so nothing is lost when an
 * instance stops and nothing needs sharing. Bounded by size, least recently used first out.
 */
const MAX_BYTES = 32 * 1024 * 1024;

const globalForCache = globalThis as unknown as { glossaIndexCache?: Map<string, string> };
const entries = (globalForCache.glossaIndexCache ??= new Map<string, string>());
let bytes = [...entries.values()].reduce((sum, json) => sum + json.length, 0);

export function cachedIndex(tag: string): string | undefined {
  const json = entries.get(tag);
  if (json !== undefined) {
    // Most recently used last.
    entries.delete(tag);
    entries.set(tag, json);
  }
  return json;
}

export function rememberIndex(tag: string, json: string): void {
  if (json.length > MAX_BYTES || entries.has(tag)) return;
  entries.set(tag, json);
  bytes += json.length;
  for (const [oldest, old] of entries) {
    if (bytes <= MAX_BYTES) break;
    entries.delete(oldest);
    bytes -= old.length;
  }
}
