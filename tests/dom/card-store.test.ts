import { describe, expect, it } from "vitest";
import { CardStore, cardStateOf, type FetchCards } from "@/app/_components/annotations/data/card-store";
import type { AnnotationSummary, AnnotationView } from "@/lib/annotations/types";

const SCOPE = "kuty\ngroup-1\nSTUDENT";

function summary(id: string): AnnotationSummary {
  return {
    id,
    kind: "comment",
    authorId: "u1",
    mine: false,
    tags: [],
    anchor: { status: "orphan" },
    deleted: false,
    hidden: false,
  };
}

function view(id: string, bodyHtml = `<p>${id}</p>`): AnnotationView {
  return { id, bodyHtml } as unknown as AnnotationView;
}

/** A server that answers when told to: each request waits until `answer` or `fail`. */
function fakeServer() {
  const requests: {
    scope: string;
    ids: string[];
    resolve: (views: AnnotationView[]) => void;
    reject: () => void;
  }[] = [];
  const fetchCards: FetchCards = (scope, ids) =>
    new Promise((resolve, reject) =>
      requests.push({ scope, ids, resolve, reject: () => reject(new Error("down")) }),
    );
  return { requests, fetchCards };
}

/** Lets the store's microtask flush and the answers settle. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the panel's card store", () => {
  it("fetches the cards drawn in one render together, at most so many per request", async () => {
    const server = fakeServer();
    const store = new CardStore(server.fetchCards, 2);
    store.load(SCOPE, [summary("a"), summary("b")], "v1");
    store.load(SCOPE, [summary("b"), summary("c")], "v1");
    await settled();
    expect(server.requests.map((r) => r.ids)).toEqual([["a", "b"], ["c"]]);
    expect(cardStateOf(store.getSnapshot(), SCOPE, "v1", "a")).toEqual({ status: "loading" });
    server.requests[0]!.resolve([view("a"), view("b")]);
    server.requests[1]!.resolve([view("c")]);
    await settled();
    expect(cardStateOf(store.getSnapshot(), SCOPE, "v1", "c")).toEqual({
      status: "ready",
      view: view("c"),
      stale: false,
    });
    // Drawn again under the same version (a filter changed back): no new request.
    store.load(SCOPE, [summary("a"), summary("c")], "v1");
    await settled();
    expect(server.requests).toHaveLength(2);
  });

  it("keeps showing a card fetched under an older version (stale) until the new one comes", async () => {
    const server = fakeServer();
    const store = new CardStore(server.fetchCards, 50);
    store.load(SCOPE, [summary("a")], "v1");
    await settled();
    server.requests[0]!.resolve([view("a", "<p>old</p>")]);
    await settled();
    store.load(SCOPE, [summary("a")], "v2");
    await settled();
    expect(server.requests).toHaveLength(2);
    expect(cardStateOf(store.getSnapshot(), SCOPE, "v2", "a")).toMatchObject({
      status: "ready",
      stale: true,
    });
    server.requests[1]!.resolve([view("a", "<p>new</p>")]);
    await settled();
    expect(cardStateOf(store.getSnapshot(), SCOPE, "v2", "a")).toEqual({
      status: "ready",
      view: view("a", "<p>new</p>"),
      stale: false,
    });
  });

  it("says a card the server no longer gives is gone, and one that failed is an error until retried", async () => {
    const server = fakeServer();
    const store = new CardStore(server.fetchCards, 50);
    store.load(SCOPE, [summary("gone"), summary("fails")], "v1");
    await settled();
    server.requests[0]!.reject();
    await settled();
    expect(cardStateOf(store.getSnapshot(), SCOPE, "v1", "fails")).toEqual({ status: "error" });
    // Not asked for again under the same version...
    store.load(SCOPE, [summary("fails")], "v1");
    await settled();
    expect(server.requests).toHaveLength(1);
    // ...until the reader retries.
    store.retry(SCOPE);
    store.load(SCOPE, [summary("gone"), summary("fails")], "v1");
    await settled();
    expect(server.requests[1]!.ids).toEqual(["gone", "fails"]);
    server.requests[1]!.resolve([view("fails")]);
    await settled();
    expect(cardStateOf(store.getSnapshot(), SCOPE, "v1", "gone")).toEqual({ status: "gone" });
    expect(cardStateOf(store.getSnapshot(), SCOPE, "v1", "fails")).toMatchObject({ status: "ready" });
  });

  it("drops every card when the group or role changes, and ignores answers asked under the old one", async () => {
    const server = fakeServer();
    const store = new CardStore(server.fetchCards, 50);
    store.load(SCOPE, [summary("a")], "v1");
    await settled();
    server.requests[0]!.resolve([view("a")]);
    await settled();
    store.load(SCOPE, [summary("b")], "v1");
    await settled();
    const promoted = "kuty\ngroup-1\nTEACHING_ASSISTANT";
    store.load(promoted, [summary("a")], "v2");
    await settled();
    expect(server.requests.map((r) => r.scope)).toEqual([SCOPE, SCOPE, promoted]);
    // The student's answer for b arrives late: not kept for the teaching assistant.
    server.requests[1]!.resolve([view("b")]);
    await settled();
    expect(cardStateOf(store.getSnapshot(), promoted, "v2", "a")).toEqual({ status: "loading" });
    expect(cardStateOf(store.getSnapshot(), promoted, "v2", "b")).toEqual({ status: "loading" });
    server.requests[2]!.resolve([view("a", "<p>as a teaching assistant</p>")]);
    await settled();
    expect(store.getSnapshot().scope).toBe(promoted);
    expect([...store.getSnapshot().entries.keys()]).toEqual(["a"]);
    expect(cardStateOf(store.getSnapshot(), promoted, "v2", "a")).toEqual({
      status: "ready",
      view: view("a", "<p>as a teaching assistant</p>"),
      stale: false,
    });
  });

  it("shows a card the reader just made without fetching it, and tells subscribers of each change", async () => {
    const server = fakeServer();
    const store = new CardStore(server.fetchCards, 50);
    let heard = 0;
    store.subscribe(() => heard++);
    const before = store.getSnapshot();
    store.put(SCOPE, view("mine"));
    expect(heard).toBe(1);
    expect(store.getSnapshot()).not.toBe(before);
    expect(cardStateOf(store.getSnapshot(), SCOPE, "v1", "mine")).toMatchObject({
      status: "ready",
      stale: true,
    });
    await settled();
    expect(server.requests).toHaveLength(0);
  });
});
