/**
 * What a permalink id looks like (10 base-62 characters); anything else is not one (a 404, never a
 * database query). Pure and import-free, so the editor in the browser checks ids the same way.
 */
export const PERMALINK_ID_PATTERN = /^[0-9A-Za-z]{10}$/u;
