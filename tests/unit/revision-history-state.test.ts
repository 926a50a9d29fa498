import { describe, expect, it } from "vitest";
import { historyOnShow, type OpenHistory } from "@/app/_components/annotations/panel/history-state";

const loaded: OpenHistory = {
  state: {
    status: "loaded",
    revisions: [
      {
        id: "r1",
        kind: "comment",
        visibility: "group",
        tags: [],
        bodyHtml: "<p>Pierwsza wersja</p>",
        editor: { id: "u1", name: "Anna" },
        replacedAt: "2026-11-01T10:00:00.000Z",
      },
    ],
  },
  editedAt: "2026-11-01T10:00:00.000Z",
};

describe("historyOnShow", () => {
  it("shows nothing when the history is closed", () => {
    expect(historyOnShow({ deleted: false, editedAt: "2026-11-01T10:00:00.000Z" }, null)).toEqual({
      state: null,
      reload: false,
    });
  });

  it("keeps an open history while the entry is as it was", () => {
    expect(historyOnShow({ deleted: false, editedAt: loaded.editedAt }, loaded)).toEqual({
      state: loaded.state,
      reload: false,
    });
  });

  it("closes an open history once another reader deleted the entry (its earlier texts are gone)", () => {
    expect(historyOnShow({ deleted: true, editedAt: loaded.editedAt }, loaded)).toEqual({
      state: null,
      reload: false,
    });
  });

  it("asks again when the entry was edited since the history was read", () => {
    expect(historyOnShow({ deleted: false, editedAt: "2026-11-02T09:00:00.000Z" }, loaded)).toEqual({
      state: loaded.state,
      reload: true,
    });
  });

  it("does not ask again while a request is on its way", () => {
    const loading: OpenHistory = { state: { status: "loading" }, editedAt: null };
    expect(historyOnShow({ deleted: false, editedAt: "2026-11-02T09:00:00.000Z" }, loading).reload).toBe(
      false,
    );
  });
});
