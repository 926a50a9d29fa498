import { describe, expect, it } from "vitest";
import { eventStream, retryDelayMs } from "@/lib/http/event-stream";

describe("the live stream's reconnection delay", () => {
  it("is drawn per connection between 1 and 4 seconds, so a class does not come back all at once", () => {
    expect(retryDelayMs(() => 0)).toBe(1_000);
    expect(retryDelayMs(() => 0.5)).toBe(2_500);
    expect(retryDelayMs(() => 0.999_999)).toBe(3_999);
  });

  it("is the first thing a stream sends, and differs between connections", async () => {
    const delays = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const abort = new AbortController();
      const response = await eventStream(
        new Request("http://glossa.test/live", { signal: abort.signal }),
        async () => () => {},
      );
      const reader = response.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      const [, ms] = /^retry: (\d+)\n\n/u.exec(first) ?? [];
      expect(Number(ms)).toBeGreaterThanOrEqual(1_000);
      expect(Number(ms)).toBeLessThan(4_000);
      delays.add(Number(ms));
      abort.abort();
    }
    expect(delays.size).toBeGreaterThan(1);
  });
});
