"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { EmailSchema } from "@/lib/auth/schema";
import { parseInput } from "@/lib/http/parse-input";
import { done, textField, type FormState } from "../../_lib/form-state";
import { runAction } from "../../_lib/run-action";

const ForgotPasswordSchema = z.object({ email: EmailSchema });

/** Sends a reset link if the address has an account; the answer is the same either way. */
export async function forgotPasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const { email } = parseInput(ForgotPasswordSchema, { email: textField(formData, "email") });
    await requestPasswordReset(email, clientAddress(await headers()));
    return done("resetLinkSent");
  });
}
