import "server-only";

/**
 * What this app instance keeps of the indexes it served, least recently used out first:
 * - each served index as the JSON sent, by its ETag. The tag is a hash of everything the index depends
 *   on — the reader, their group and role, the edition, and the count and latest change of the
 *   annotations in scope — so an entry is never stale and never another reader's: a reader coming
 *   back to a source nobody has changed since gets it without reading 5,000 rows again;
 * - each group's shared part (what every member of a reading tier reads there, shared-part.ts),
 *   by a key holding the group's own count and latest change: after a classmate's change it is read
 *   once for the group's tier, and every other member only adds their own annotations to it.
 * Every key is taken from what was read, never from a state read before it: a change committed in
 * between would otherwise leave one state's rows under another's key (see sharedPart, indexOf).
 * Per instance and only a cache: any instance can make any entry, so nothing is lost when an instance
 * stops and nothing needs sharing between instances.
 */
class LeastRecentlyUsed<V> {
  private readonly entries = new Map<string, V>();
  private size = 0;

  constructor(
    private readonly maxSize: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    const size = this.sizeOf(value);
    if (size > this.maxSize || this.entries.has(key)) return;
    this.entries.set(key, value);
    this.size += size;
    for (const [oldest, old] of this.entries) {
      if (this.size <= this.maxSize) break;
      this.entries.delete(oldest);
      this.size -= this.sizeOf(old);
    }
  }
}

/**
 * About what one thread's summary takes in memory, to bound the shared parts by size too. A part
 * brought up to date from the one before (shared-part.ts) shares all but the changed summaries
 * with it, so most parts kept cost their arrays and change times (~100 bytes a thread), not their
 * summaries (~400): the bound counts that, so a class's last few dozen states stay kept and its
 * readers' changes since can be told.
 */
const BYTES_PER_SUMMARY = 100;

const globalForCache = globalThis as unknown as {
  glossaServedIndexCache?: LeastRecentlyUsed<string>;
  glossaSharedIndexCache?: LeastRecentlyUsed<{ annotations: readonly unknown[] }>;
  glossaIndexChangesCache?: LeastRecentlyUsed<{ changed: readonly unknown[]; removed: readonly string[] }>;
};
const served = (globalForCache.glossaServedIndexCache ??= new LeastRecentlyUsed<string>(
  32 * 1024 * 1024,
  (json) => json.length,
));
const shared = (globalForCache.glossaSharedIndexCache ??= new LeastRecentlyUsed<{
  annotations: readonly unknown[];
}>(96 * 1024 * 1024, (part) => part.annotations.length * BYTES_PER_SUMMARY));

/** Changes between two states of a shared part, by the pair (small: only what changed between them). */
const changes = (globalForCache.glossaIndexChangesCache ??= new LeastRecentlyUsed<{
  changed: readonly unknown[];
  removed: readonly string[];
}>(16 * 1024 * 1024, (delta) => (delta.changed.length + delta.removed.length) * BYTES_PER_SUMMARY));

/** The shared part kept under `key`, if this instance still keeps it. */
export function keptSharedIndexPart<T extends { annotations: readonly unknown[] }>(
  key: string,
): T | undefined {
  return shared.get(key) as T | undefined;
}

/** Keeps `part` under `key` (the state of the rows it was read from). */
export function keepSharedIndexPart(key: string, part: { annotations: readonly unknown[] }): void {
  shared.set(key, part);
}

/** The changes between two parts kept under `pair`, or those `diff` works out (and kept). */
export function partChanges<T extends { changed: readonly unknown[]; removed: readonly string[] }>(
  pair: string,
  diff: () => T,
): T {
  const found = changes.get(pair) as T | undefined;
  if (found) return found;
  const made = diff();
  changes.set(pair, made);
  return made;
}

export function cachedIndex(tag: string): string | undefined {
  return served.get(tag);
}

export function rememberIndex(tag: string, json: string): void {
  served.set(tag, json);
}

/** Shared parts being read: members asking at the same moment wait for the same read. */
const building = new Map<string, Promise<unknown>>();

/**
 * The shared part under `key`, or the one `build` makes, kept under `keyOf` it: the key of what was
 * actually read, which may be newer than `key` (members asking under the same key meanwhile get that
 * newer part too, and each takes its state from the part, not from the key they asked with).
 */
export function sharedIndexPart<T extends { annotations: readonly unknown[] }>(
  key: string,
  build: () => Promise<T>,
  keyOf: (part: T) => string,
): Promise<T> {
  const found = shared.get(key) as T | undefined;
  if (found) return Promise.resolve(found);
  let pending = building.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = build()
      .then((part) => {
        shared.set(keyOf(part), part);
        return part;
      })
      .finally(() => building.delete(key));
    building.set(key, pending);
  }
  return pending;
}
