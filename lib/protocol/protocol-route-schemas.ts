import { z } from "zod";
import { idSegment, SlugSegment } from "@/lib/http/input-schemas";

/**
 * The segments of a container's address: a group's (`/groups/{groupId}/sources/{slug}/`) or, with
 * no group segment, the caller's personal notes (`/me/sources/{slug}/`), `groupId` then null.
 */
export const ContainerParams = z.object({
  groupId: idSegment("groupNotFound")
    .optional()
    .transform((id) => id ?? null),
  slug: SlugSegment,
});

/** The segments of an annotation's address under its container. */
export const AnnotationParams = ContainerParams.extend({ annotationId: idSegment("annotationNotFound") });

/** `?page=N[&iris=1]`: a page of the container (IRIs only with `iris=1`); neither: the container itself. */
export const ContainerQuery = z.object(
  {
    page: z
      .string()
      .regex(/^[1-9][0-9]{0,6}$/u, { error: "pageNotFound" })
      .transform(Number)
      .optional(),
    iris: z.enum(["0", "1"], { error: "pageNotFound" }).optional(),
  },
  { error: "pageNotFound" },
);
