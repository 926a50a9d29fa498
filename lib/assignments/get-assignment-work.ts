import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { ExportedThread } from "@/lib/export/exported-annotation";
import { openExport } from "@/lib/export/open-export";
import { readExportThreads } from "@/lib/export/read-export-threads";
import type { Locale } from "@/lib/i18n/routing";

/** One student's threads on an assignment, for its printable page. */
export interface StudentWorkToPrint {
  authorId: string;
  name: string;
  threads: ExportedThread[];
}

/** All work of an assignment as its printable page shows it: its title, and each student's threads. */
export interface AssignmentWorkToPrint {
  title: string;
  threadCount: number;
  students: StudentWorkToPrint[];
}

/**
 * Every thread started on the assignment's readings since it opened, with the replies the caller
 * reads in it, exactly as the assignment's export holds them (openExport: its staff only; a student
 * FORBIDDEN, anyone else NOT_FOUND), grouped by who started it (by name, then id: two students of the
 * same name stay apart), each student's in reading order: source, then first sentence, then time.
 */
export async function getAssignmentWork(
  actor: Actor,
  assignmentId: string,
  locale: Locale,
): Promise<AssignmentWorkToPrint> {
  const scope = await openExport(actor, { kind: "assignment", assignmentId });
  const byAuthor = new Map<string, StudentWorkToPrint>();
  let threadCount = 0;
  for await (const batch of readExportThreads(db, scope, locale)) {
    for (const thread of batch) {
      const { authorId, author } = thread.root;
      let student = byAuthor.get(authorId);
      if (!student) {
        student = { authorId, name: author.name, threads: [] };
        byAuthor.set(authorId, student);
      }
      student.threads.push(thread);
      threadCount++;
    }
  }
  const students = [...byAuthor.values()].sort(
    (a, b) => a.name.localeCompare(b.name, locale) || a.authorId.localeCompare(b.authorId),
  );
  for (const student of students) student.threads.sort(inReadingOrder(locale));
  return { title: scope.name ?? "", threadCount, students };
}

function inReadingOrder(locale: Locale) {
  return (a: ExportedThread, b: ExportedThread) =>
    a.root.source.title.localeCompare(b.root.source.title, locale) ||
    (a.root.sentences?.first ?? Number.MAX_SAFE_INTEGER) -
      (b.root.sentences?.first ?? Number.MAX_SAFE_INTEGER) ||
    a.root.createdAt.getTime() - b.root.createdAt.getTime();
}
