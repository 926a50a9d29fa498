// Loads next-intl's own types into the program, without which the augmentation below is ignored.
import type {} from "next-intl";
import type pl from "./messages/pl.json";
import type { Locale } from "./routing.ts";

// Type-checks every t("…") key and its arguments against the Polish messages (a unit test keeps
// en.json in step with pl.json).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof pl;
  }
}
