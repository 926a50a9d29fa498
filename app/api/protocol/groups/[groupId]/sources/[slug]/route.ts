/** A group's Web Annotation Protocol container on one source: lib/protocol/container-route.ts. */
export { DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT } from "@/lib/protocol/container-route";
