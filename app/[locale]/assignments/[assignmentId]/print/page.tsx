import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { canOnAssignments } from "@/lib/auth/policy";
import { getAssignmentWork } from "@/lib/assignments/get-assignment-work";
import type { ExportedAnnotation, ExportedThread } from "@/lib/export/exported-annotation";
import { publicUrl } from "@/lib/http/public-url";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { PageShell } from "../../../../_components/page-shell";
import { requestOrigin } from "../../../../_lib/request-origin";
import { requireUser } from "../../../../_lib/require-user";
import { resolveLocale } from "../../../../_lib/resolve-locale";
import { sourcePath } from "../../../../_lib/source-path";
import { loadAssignment } from "../../_components/load-assignment";
import { PrintButton } from "./print-button";
import styles from "./print.module.css";

interface Props {
  params: Promise<{ locale: string; assignmentId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "assignments.print" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * `/{locale}/assignments/{id}/print`: for the group's staff, all work of the assignment on one page
 * to print or save as PDF: each student's threads in reading order, with the quotation, the sentence
 * numbers and a link to each passage (printed with its address), the notes and their replies. The
 * same threads as the assignment's export. 404 for anyone else (students included).
 */
export default async function AssignmentPrintPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { assignmentId } = await params;
  const path = `/assignments/${encodeURIComponent(assignmentId)}/print`;
  const user = await requireUser(locale, `/${locale}${path}`);
  const actor = { userId: user.id };
  const assignment = (await loadAssignment(actor, assignmentId)) ?? notFound();
  if (!canOnAssignments(assignment.myRole, "assignment.manage")) notFound();
  const [work, t, origin] = await Promise.all([
    getAssignmentWork(actor, assignment.id, locale),
    getTranslations({ locale, namespace: "assignments.print" }),
    requestOrigin(),
  ]);
  return (
    <PageShell locale={locale} path={path}>
      <p className={styles.screenOnly}>
        <Link href={`/${locale}/assignments/${assignment.id}`}>{t("back")}</Link>
      </p>
      <h1>{t("heading", { title: work.title })}</h1>
      <p className={styles.summary}>
        {t("summary", { threads: work.threadCount, students: work.students.length })}
      </p>
      <p className={styles.screenOnly}>
        <PrintButton label={t("print")} />
      </p>
      {work.students.length === 0 && <p>{t("none")}</p>}
      {work.students.map((student) => (
        <section
          key={student.authorId}
          aria-labelledby={`student-${student.authorId}`}
          className={styles.student}
        >
          <h2 id={`student-${student.authorId}`}>
            {t("studentHeading", { name: student.name, threads: student.threads.length })}
          </h2>
          {student.threads.map((thread) => (
            <PrintedThread key={thread.root.id} locale={locale} thread={thread} origin={origin} />
          ))}
        </section>
      ))}
    </PageShell>
  );
}

async function PrintedThread({
  locale,
  thread,
  origin,
}: {
  locale: Locale;
  thread: ExportedThread;
  /** The address the reader reached: on paper each passage's link is printed on it (publicUrl). */
  origin: string | undefined;
}) {
  const t = await getTranslations({ locale, namespace: "assignments.print" });
  const { root } = thread;
  const sentences = root.sentences;
  const where =
    sentences === null
      ? t("orphan")
      : sentences.first === sentences.last
        ? t("sentenceOne", { n: sentences.first })
        : t("sentences", sentences);
  const headingId = `thread-${root.id}`;
  return (
    <article aria-labelledby={headingId} className={styles.thread}>
      <h3 id={headingId}>
        {sentences === null ? (
          `${root.source.title}, ${where}`
        ) : (
          <>
            <Link
              href={sourcePath(locale, root.source.slug, sentences.first)}
            >{`${root.source.title}, ${where}`}</Link>
            <span className={styles.printOnly}>
              {` <${publicUrl(sourcePath(locale, root.source.slug, sentences.first), origin)}>`}
            </span>
          </>
        )}
      </h3>
      {root.quote && root.quote.exact !== "" && <blockquote>{root.quote.exact}</blockquote>}
      <PrintedPost locale={locale} post={root} />
      {thread.replies.length > 0 && (
        <ul className={styles.replies} aria-label={t("replies")}>
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <PrintedPost locale={locale} post={reply} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

async function PrintedPost({ locale, post }: { locale: Locale; post: ExportedAnnotation }) {
  const t = await getTranslations({ locale, namespace: "assignments.print" });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <div className={styles.post}>
      <p className={styles.byline}>
        {post.parentId === null ? t("kind", { kind: post.kind }) : t("reply")} · {post.author.name} ·{" "}
        <time dateTime={post.createdAt.toISOString()}>{`${when.format(post.createdAt)} UTC`}</time>
        {post.deleted && ` · ${t("deleted")}`}
      </p>
      {post.bodyHtml !== "" && <div dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />}
      {post.tags.length > 0 && <p className={styles.byline}>{t("tags", { tags: post.tags.join(", ") })}</p>}
    </div>
  );
}
