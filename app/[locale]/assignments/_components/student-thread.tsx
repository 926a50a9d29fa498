import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StudentThread, ThreadPost } from "@/lib/assignments/get-student-work";
import type { Feedback } from "@/lib/assignments/load-grades";
import type { Locale } from "@/lib/i18n/routing";
import { sourcePath } from "../../../_lib/source-path";
import { FeedbackForm, FeedbackList } from "./feedback-forms";
import { LocalTime } from "./local-time";
import styles from "./assignments.module.css";

/**
 * One thread in which the student posted, whole: where it is (source, sentences, a link into the
 * reader), the quotation, the root and its replies; the student's own posts marked, each with the
 * feedback given on it and a form for more.
 */
export async function StudentThreadView({
  locale,
  assignmentId,
  studentId,
  thread,
  feedback,
}: {
  locale: Locale;
  assignmentId: string;
  studentId: string;
  thread: StudentThread;
  feedback: readonly Feedback[];
}) {
  const t = await getTranslations({ locale, namespace: "assignments.studentPage" });
  const title = locale === "pl" ? thread.titlePl : thread.titleEn;
  const where = thread.sentences
    ? thread.sentences.first === thread.sentences.last
      ? t("sentenceOne", { n: thread.sentences.first })
      : t("sentences", thread.sentences)
    : "";
  const headingId = `thread-${thread.root.id}`;

  return (
    <article aria-labelledby={headingId} className={styles.thread}>
      <h3 id={headingId}>
        <Link href={sourcePath(locale, thread.sourceSlug, thread.sentences?.first)}>
          {t("openInReader", { title, where })}
        </Link>
      </h3>
      {thread.quote && <blockquote>{thread.quote}</blockquote>}
      <Post
        locale={locale}
        assignmentId={assignmentId}
        studentId={studentId}
        feedback={feedback}
        post={thread.root}
        reply={false}
      />
      {thread.replies.length > 0 && (
        <ul className={styles.replies}>
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <Post
                locale={locale}
                assignmentId={assignmentId}
                studentId={studentId}
                feedback={feedback}
                post={reply}
                reply
              />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

/** One post of the thread; the student's own with its feedback and a form for more. */
async function Post({
  locale,
  assignmentId,
  studentId,
  post,
  reply,
  feedback,
}: {
  locale: Locale;
  assignmentId: string;
  studentId: string;
  post: ThreadPost;
  reply: boolean;
  feedback: readonly Feedback[];
}) {
  const t = await getTranslations({ locale, namespace: "assignments.studentPage" });
  const own = feedback.filter((f) => f.annotationId === post.id);
  return (
    <div className={`${styles.post} ${post.studentWork ? styles.studentPost : ""}`}>
      <p className={styles.hint}>
        {reply ? t("reply") : t("kind", { kind: post.kind })} · {post.authorName} ·{" "}
        <LocalTime iso={post.createdAt.toISOString()} zone="UTC" />
        {post.studentWork && ` · ${t("byStudent")}`}
        {post.deleted && ` · ${t("deleted")}`}
        {post.hidden && ` · ${t("hidden")}`}
      </p>
      <div dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      {post.studentWork && (
        <>
          <FeedbackList locale={locale} feedback={own} />
          <details>
            <summary>{t("noteFeedbackSummary")}</summary>
            <FeedbackForm
              locale={locale}
              assignmentId={assignmentId}
              studentId={studentId}
              annotationId={post.id}
              label={t("noteFeedbackLabel")}
            />
          </details>
        </>
      )}
    </div>
  );
}
