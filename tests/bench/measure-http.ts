import http from "node:http";

/** Milliseconds from sending a GET to receiving the response's first byte (headers), and the status. */
export function timeToFirstByte(url: string): Promise<{ ms: number; status: number }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const request = http.get(url, { agent: false }, (response) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      response.resume();
      response.on("end", () => resolve({ ms, status: response.statusCode ?? 0 }));
    });
    request.on("error", reject);
  });
}

export function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** Sequential requests (one at a time, like one reader) and their median and 95th percentile. */
export async function sampleTtfb(url: string, count: number): Promise<{ median: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const { ms, status } = await timeToFirstByte(url);
    if (status !== 200) throw new Error(`${url} answered ${status}`);
    samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95) };
}
