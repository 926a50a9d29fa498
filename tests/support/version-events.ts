/**
 * Reads the live route's server-sent events (`GET /api/annotations/live`) as they come, calling
 * `onVersion` with each `version` event's data; resolves when the stream ends. For the integration
 * tests and the live benchmark, which both listen as a reader's page does.
 */
export async function readVersionEvents(
  body: ReadableStream<BufferSource>,
  onVersion: (data: { source: string; version: string }) => void,
): Promise<void> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffered += value;
    let end: number;
    while ((end = buffered.indexOf("\n\n")) >= 0) {
      const block = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const data = /^event: version\ndata: (.*)$/mu.exec(block)?.[1];
      if (data) onVersion(JSON.parse(data) as { source: string; version: string });
    }
  }
}
