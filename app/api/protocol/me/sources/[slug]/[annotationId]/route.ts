/** One of the caller's personal notes in their Web Annotation Protocol container: lib/protocol/annotation-route.ts. */
export { DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT } from "@/lib/protocol/annotation-route";
