import "server-only";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import type { Actor } from "@/lib/auth/policy";
import { requireActor } from "@/lib/groups/require-group-permission";
import type { ContainerAddress } from "./protocol-container-access.ts";
import { checkIfMatch } from "./replace-protocol-annotation.ts";

/**
 * Deletes an annotation of a container (its author only, as in the reader; a thread's root with
 * replies stays as a tombstone and leaves the container). An If-Match, when sent, must name the
 * current version.
 */
export async function deleteProtocolAnnotation(
  actor: Actor,
  address: ContainerAddress,
  id: string,
  ifMatch: string | null,
): Promise<void> {
  const caller = requireActor(actor);
  await checkIfMatch(caller, address, id, ifMatch, false);
  await deleteAnnotation(caller, id);
}
