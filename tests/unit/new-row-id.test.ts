import { describe, expect, it } from "vitest";
import { newRowId } from "@/lib/db/new-row-id";
import { ID_PATTERN } from "@/lib/http/parse-id";

describe("newRowId", () => {
  it("makes cuid-shaped ids, all different, later ones sorting after earlier ones", () => {
    const ids = Array.from({ length: 2_000 }, () => newRowId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(ID_PATTERN);
      expect(id).toHaveLength(25);
      expect(id[0]).toBe("c");
    }
    expect(newRowId().slice(0, 9) >= ids[0]!.slice(0, 9)).toBe(true);
  });
});
