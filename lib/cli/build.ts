/** `npm run build`: a production build of the app (always rebuilds), remembered by `npm start`. */
import path from "node:path";
import { buildIfStale } from "./build-app.ts";

await buildIfStale(path.resolve(import.meta.dirname, "../.."), { force: true });
