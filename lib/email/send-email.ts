import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export interface Email {
  to: string;
  subject: string;
  text: string;
}

/** Whether email can be sent (SMTP_URL is set). Without it, features that need email say so. */
export function emailEnabled(): boolean {
  return Boolean(env.SMTP_URL);
}

/** Sends a plain-text email through SMTP_URL. */
export async function sendEmail(email: Email): Promise<void> {
  if (!env.SMTP_URL) throw new Error("SMTP_URL is not set");
  const transport = nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({ from: env.EMAIL_FROM, ...email });
}
