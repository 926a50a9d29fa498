/** The caller's personal notes on one source as a Web Annotation Protocol container: lib/protocol/container-route.ts. */
export { DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT } from "@/lib/protocol/container-route";
