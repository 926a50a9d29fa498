/** For responses that depend on who asks: never stored by a browser or a shared cache. */
export const PRIVATE_NO_STORE = { "Cache-Control": "private, no-store" } as const;
