import { z } from "zod";
import { findReaderAssignments } from "@/lib/assignments/find-reader-assignments";
import { SlugSegment } from "@/lib/http/input-schemas";
import { route } from "@/lib/http/route";

/**
 * GET: the open assignments of the reader's current group that include this source, with the
 * assigned sentences and the reader's own progress (see ReaderAssignment), for the reader's banner.
 */
export const GET = route(
  { caller: "signed-in", params: z.object({ slug: SlugSegment }) },
  async ({ actor, params: { slug } }) => ({
    assignments: await findReaderAssignments(actor, "current", slug),
  }),
);
