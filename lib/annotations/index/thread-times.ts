/**
 * When each thread of a part last changed (ms since the epoch), by id. A part brought up to date
 * from a kept one shares the kept one's times and lays the few that changed over them, so a class's
 * note costs a copy of the changes, not of thousands of times; the layer is folded in once it grows.
 * Immutable: the kept part still reads its own times.
 */
export class ThreadTimes {
  private constructor(
    private readonly below: ReadonlyMap<string, number>,
    /** Times laid over `below`; null: the thread is gone. */
    private readonly over: ReadonlyMap<string, number | null>,
    readonly size: number,
  ) {}

  static of(times: Iterable<readonly [string, number]>): ThreadTimes {
    const below = new Map(times);
    return new ThreadTimes(below, new Map(), below.size);
  }

  get(id: string): number | undefined {
    const laid = this.over.get(id);
    if (laid !== undefined) return laid ?? undefined;
    return this.below.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** These times, without the threads `gone`, with the times `set`. */
  with(gone: Iterable<string>, set: Iterable<readonly [string, number]>): ThreadTimes {
    const over = new Map(this.over);
    const held = (id: string) => (over.has(id) ? over.get(id) !== null : this.below.has(id));
    let size = this.size;
    for (const id of gone) {
      if (!held(id)) continue;
      over.set(id, null);
      size--;
    }
    for (const [id, time] of set) {
      if (!held(id)) size++;
      over.set(id, time);
    }
    if (over.size <= Math.max(FOLD_AT, this.below.size / 8)) return new ThreadTimes(this.below, over, size);
    return ThreadTimes.of(new ThreadTimes(this.below, over, size).entries());
  }

  *entries(): IterableIterator<[string, number]> {
    for (const [id, time] of this.below) {
      if (!this.over.has(id)) yield [id, time];
    }
    for (const [id, time] of this.over) if (time !== null) yield [id, time];
  }

  *values(): IterableIterator<number> {
    for (const [, time] of this.entries()) yield time;
  }
}

/** Times laid over a part's are folded in beyond this many (or an eighth of the part). */
const FOLD_AT = 256;
