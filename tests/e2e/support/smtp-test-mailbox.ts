import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedEmail {
  to: string[];
  subject: string;
  text: string;
  receivedAt: number;
}

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1:`port` that accepts every message and
 * writes each, parsed, as JSON into `dir`, where tests in other processes read them.
 */
export async function startSmtpTestMailbox(port: number, dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const email: ReceivedEmail = {
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            receivedAt: Date.now(),
          };
          await writeFile(
            path.join(dir, `${Date.now()}-${process.pid}-${count++}.json`),
            JSON.stringify(email),
          );
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.listen(port, "127.0.0.1", () => resolve());
    server.on("error", reject);
  });
  return () => new Promise((resolve) => server.close(() => resolve()));
}

/** Waits (up to `timeoutMs`) for the newest email to `to` whose subject matches, and returns it. */
export async function waitForEmail(
  dir: string,
  to: string,
  subject: RegExp,
  timeoutMs = 10_000,
): Promise<ReceivedEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = (await readdir(dir).catch(() => [])).sort().reverse();
    for (const file of files) {
      const email = JSON.parse(await readFile(path.join(dir, file), "utf8")) as ReceivedEmail;
      if (email.to.includes(to.toLowerCase()) && subject.test(email.subject)) return email;
    }
    if (Date.now() > deadline)
      throw new Error(`No email to ${to} matching ${subject} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The first http(s) link in an email's text. */
export function firstLink(email: ReceivedEmail): string {
  const link = /https?:\/\/\S+/.exec(email.text)?.[0];
  if (!link) throw new Error(`No link in the email "${email.subject}"`);
  return link;
}
