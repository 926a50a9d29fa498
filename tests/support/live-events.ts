import type { SharedChanges } from "@/lib/annotations/index/wire";

/**
 * Reads the live route's server-sent events (`GET /api/annotations/live`) as they come: each new
 * version to `onVersion` (a `version` event, or a `changes` event, whose data also goes to
 * `onChanges`), each `presence` event's data to `onPresence`; resolves when the stream ends. For the
 * integration tests, the multi-instance tests and the live benchmark, which listen as a page does.
 */
export async function readLiveEvents(
  body: ReadableStream<BufferSource>,
  onVersion: (data: { source: string; version: string }) => void,
  onPresence: (data: { source: string; people: { id: string; name: string }[] }) => void = () => {},
  onChanges: (data: SharedChanges & { source: string }) => void = () => {},
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
      const [, event, data] = /^event: (version|changes|presence)\ndata: (.*)$/mu.exec(block) ?? [];
      if (event === "version") onVersion(JSON.parse(data!) as { source: string; version: string });
      if (event === "changes") {
        const changes = JSON.parse(data!) as SharedChanges & { source: string };
        onChanges(changes);
        onVersion({ source: changes.source, version: changes.version });
      }
      if (event === "presence") onPresence(JSON.parse(data!) as Parameters<typeof onPresence>[0]);
    }
  }
}
