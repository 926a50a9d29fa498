export { clientAddress } from "@/lib/http/request-client";
