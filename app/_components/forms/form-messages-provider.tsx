import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * Gives the forms below it (client components) the messages they show after a server action: error
 * and notice texts and the few words of the form controls. Only these namespaces reach the browser,
 * and only on pages with forms; the reader pages ship none.
 */
export async function FormMessagesProvider({ children }: { children: ReactNode }) {
  const { forms, errors, notices } = await getMessages();
  return <NextIntlClientProvider messages={{ forms, errors, notices }}>{children}</NextIntlClientProvider>;
}
