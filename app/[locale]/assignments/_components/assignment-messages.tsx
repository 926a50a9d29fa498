import type { ReactNode } from "react";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * The messages the assignment pages' client parts show: forms, errors, notices, the assignment
 * texts and the annotation editor's (for the instructions). Nothing else reaches the browser.
 */
export async function AssignmentMessages({ children }: { children: ReactNode }) {
  const { forms, errors, notices, assignments, annotations } = await getMessages();
  const editor = (annotations as AbstractIntlMessages).editor as AbstractIntlMessages;
  return (
    <NextIntlClientProvider messages={{ forms, errors, notices, assignments, annotations: { editor } }}>
      {children}
    </NextIntlClientProvider>
  );
}
