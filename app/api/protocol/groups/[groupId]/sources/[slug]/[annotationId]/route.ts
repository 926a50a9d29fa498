/** One annotation of a group's Web Annotation Protocol container: lib/protocol/annotation-route.ts. */
export { DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT } from "@/lib/protocol/annotation-route";
