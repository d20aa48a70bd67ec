import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { getDb } from '@/db/client';
import { articleDeskNotes, articles, auditLog, users } from '@/db/schema';
import { ForbiddenError, NotFoundError, ReviewRuleError } from '@/lib/errors';
import { createFactory, storyInput } from '@/test/factories';

import { getPreviewArticle } from './article-preview';
import { getEditableArticle } from './editable-article';
import { createArticle, publishArticle, submitForReview } from './article-editor';
import { addDeskNote, assignStory, getDeskHome, getReviewState, listAssignableStaff, listDeskNotes, markDeskSeen, sendBackToWriter } from './article-review';
import { getPublicArticle } from './articles';
import { listFeedEntries } from './feeds';

let factory: ReturnType<typeof createFactory>;
beforeEach(() => {
  factory = createFactory();
});
afterEach(async () => {
  await factory.cleanUp();
});

const db = () => getDb();
const hours = (n: number) => n * 3_600_000;

/** A contributor's story, submitted for review (version 2), and an editor. */
async function submittedStory(headline = 'Ferry timetable changes') {
  const section = await factory.section('Review desk');
  const author = await factory.author('Review Writer');
  const contributor = await factory.user('contributor');
  const editor = await factory.user('editor');
  const slug = `review-${Math.random().toString(36).slice(2, 10)}`;
  const story = await createArticle(contributor, storyInput({ headline, body: 'The ferry leaves at nine.', slug, sectionId: section.id, authorIds: [author.id] }));
  factory.track('articles', story.id);
  await submitForReview(contributor, story.id, 1);
  return { section, author, contributor, editor, story, slug };
}

async function row(id: number) {
  const [found] = await db().select({ status: articles.status, sentBackAt: articles.sentBackAt, assigneeId: articles.assigneeId, version: articles.version }).from(articles).where(eq(articles.id, id));
  return found!;
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error,
  );
}

async function problemOf(promise: Promise<unknown>): Promise<string> {
  const error = await refusal(promise);
  expect(error).toBeInstanceOf(ReviewRuleError);
  return (error as ReviewRuleError).problem;
}

describe('sending a story back to its writer', () => {
  it('returns it to draft, waiting on its writer, with the note; the writer sees it sent back; resubmitting puts it back in review', async () => {
    const { contributor, editor, story } = await submittedStory();
    const now = new Date();

    const sent = await sendBackToWriter(editor, story.id, 2, 'Please check the times with the operator.\nAnd add a quote.', now);

    expect(sent).toEqual({ id: story.id, version: 3, writerId: contributor.id });
    expect(await row(story.id)).toEqual({ status: 'draft', sentBackAt: now, assigneeId: contributor.id, version: 3 });
    const notes = await db().select().from(articleDeskNotes).where(eq(articleDeskNotes.articleId, story.id));
    expect(notes).toMatchObject([{ kind: 'sent_back', body: 'Please check the times with the operator.\nAnd add a quote.', authorId: editor.id }]);
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.subject, `article:${story.id}`), eq(auditLog.action, 'article.send_back')));
    expect(audit).toMatchObject({ actorId: editor.id, before: { status: 'in_review' }, after: { status: 'draft', assigneeId: contributor.id } });

    // The writer: under "Sent back to me" with the note's first line and who wrote it; the story page says why.
    const writerHome = await getDeskHome(contributor);
    expect(writerHome.sentBackToMe.total).toBe(1);
    expect(writerHome.sentBackToMe.rows).toMatchObject([{ id: story.id, note: 'Please check the times with the operator.', noteBy: editor.name, href: `/dashboard/articles/${story.id}` }]);
    expect(writerHome.assignedToMe.total).toBe(0);
    expect((await getReviewState(contributor, story.id)).sentBack).toMatchObject({ by: editor.name, note: 'Please check the times with the operator.\nAnd add a quote.' });
    // No longer waiting for review; the writer may edit the draft again.
    expect((await getDeskHome(editor)).waitingForReview.rows.map((item) => item.id)).not.toContain(story.id);
    expect((await getEditableArticle(contributor, story.id)).mayEdit).toBe(true);

    await submitForReview(contributor, story.id, 3);
    expect(await row(story.id)).toMatchObject({ status: 'in_review', sentBackAt: null, assigneeId: null });
    expect((await getDeskHome(contributor)).sentBackToMe.total).toBe(0);
    expect((await getDeskHome(editor)).waitingForReview.rows.map((item) => item.id)).toContain(story.id);
    expect((await getReviewState(contributor, story.id)).sentBack).toBeNull();
  });

  it('is refused, with the reason, to contributors, for a story not in review, for an outdated version, and when the writer cannot open it', async () => {
    const { contributor, editor, story } = await submittedStory();
    const reader = await factory.user('reader');

    expect(await refusal(sendBackToWriter(contributor, story.id, 2, 'Not mine to send back.'))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(sendBackToWriter(reader, story.id, 2, 'Not mine to send back.'))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(sendBackToWriter(null, story.id, 2, 'Not mine to send back.'))).toBeInstanceOf(ForbiddenError);
    expect(await problemOf(sendBackToWriter(editor, story.id, 1, 'Based on an old version.'))).toBe('outdated');
    expect(await refusal(sendBackToWriter(editor, 2_000_000_000, 1, 'No such story.'))).toBeInstanceOf(NotFoundError);

    // Its writer disabled: nobody could act on it.
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, contributor.id));
    expect(await problemOf(sendBackToWriter(editor, story.id, 2, 'The writer is away.'))).toBe('no-writer');
    // Its writer demoted to reader: the same.
    await db().update(users).set({ disabledAt: null, role: 'reader' }).where(eq(users.id, contributor.id));
    expect(await problemOf(sendBackToWriter(editor, story.id, 2, 'The writer is away.'))).toBe('no-writer');
    // Nothing changed by any refusal.
    expect(await row(story.id)).toMatchObject({ status: 'in_review', sentBackAt: null, assigneeId: null, version: 2 });
    expect(await db().select().from(articleDeskNotes).where(eq(articleDeskNotes.articleId, story.id))).toEqual([]);

    // A draft (never submitted, or already sent back) cannot be sent back.
    await db().update(users).set({ role: 'contributor' }).where(eq(users.id, contributor.id));
    await sendBackToWriter(editor, story.id, 2, 'Once is enough.');
    expect(await problemOf(sendBackToWriter(editor, story.id, 3, 'Twice is too many.'))).toBe('not-in-review');
  });

  it('publishing a story ends what it waited on', async () => {
    const { contributor, editor, story } = await submittedStory();
    await sendBackToWriter(editor, story.id, 2, 'Tighten the intro.');
    await publishArticle(editor, story.id, 3, { publishAt: null, unpublishAt: null });
    expect(await row(story.id)).toMatchObject({ status: 'published', sentBackAt: null, assigneeId: null });
    expect((await getDeskHome(contributor)).sentBackToMe.total).toBe(0);
  });
});

describe('assigning a story', () => {
  it('puts it under "Assigned to me" for the assignee; a contributor only for their own story; only editors assign', async () => {
    const { contributor, editor, story } = await submittedStory();
    const other = await factory.user('editor');
    const otherContributor = await factory.user('contributor');
    const disabled = await factory.user('editor', { disabled: true });
    const reader = await factory.user('reader');

    expect(await assignStory(editor, story.id, other.id)).toEqual({ changed: true, assigneeName: other.name });
    const home = await getDeskHome(other);
    expect(home.assignedToMe).toMatchObject({ total: 1, rows: [{ id: story.id }] });
    expect(await assignStory(editor, story.id, other.id)).toEqual({ changed: false, assigneeName: other.name });

    expect(await problemOf(assignStory(editor, story.id, otherContributor.id))).toBe('assignee-not-own');
    expect(await problemOf(assignStory(editor, story.id, disabled.id))).toBe('assignee-invalid');
    expect(await problemOf(assignStory(editor, story.id, reader.id))).toBe('assignee-invalid');
    expect(await problemOf(assignStory(editor, story.id, 'no-such-user'))).toBe('assignee-invalid');
    expect(await refusal(assignStory(contributor, story.id, contributor.id))).toBeInstanceOf(ForbiddenError);
    expect(await row(story.id)).toMatchObject({ assigneeId: other.id });

    // The staff list: editors and admins, and this story's own writer, never another contributor or a disabled account.
    const staff = (await listAssignableStaff(editor, story.id)).map((person) => person.id);
    expect(staff).toEqual(expect.arrayContaining([editor.id, other.id, contributor.id]));
    expect(staff).not.toContain(otherContributor.id);
    expect(staff).not.toContain(disabled.id);
    expect(staff).not.toContain(reader.id);

    // Assigning a sent-back story to someone else ends the send-back; nobody is a choice too.
    await assignStory(editor, story.id, null);
    await sendBackToWriter(editor, story.id, 2, 'Needs a second source.');
    await assignStory(editor, story.id, other.id);
    expect(await row(story.id)).toMatchObject({ assigneeId: other.id, sentBackAt: null });
    expect(await assignStory(editor, story.id, null)).toEqual({ changed: true, assigneeName: null });
    const [audit] = await db().select({ after: auditLog.after }).from(auditLog).where(and(eq(auditLog.subject, `article:${story.id}`), eq(auditLog.action, 'article.assign'))).orderBy(auditLog.id).limit(1);
    expect(audit?.after).toEqual({ assigneeId: other.id });
  });
});

describe('desk notes', () => {
  it('are read and added by staff who may open the story, and by nobody else', async () => {
    const { contributor, editor, story } = await submittedStory();
    const stranger = await factory.user('contributor');
    const reader = await factory.user('reader');

    await addDeskNote(contributor, story.id, 'The operator confirmed the times by phone.');
    await addDeskNote(editor, story.id, 'Thanks, looks good.');
    for (const viewer of [contributor, editor]) {
      const { notes, total } = await listDeskNotes(viewer, story.id);
      expect(total).toBe(2);
      expect(notes).toMatchObject([
        { kind: 'note', body: 'The operator confirmed the times by phone.', authorName: contributor.name },
        { kind: 'note', body: 'Thanks, looks good.', authorName: editor.name },
      ]);
    }

    // Another contributor: refused (not "no notes"), and nothing is added.
    expect(await refusal(listDeskNotes(stranger, story.id))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(addDeskNote(stranger, story.id, 'Sneaking a note in.'))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(getReviewState(stranger, story.id))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(listDeskNotes(reader, story.id))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(addDeskNote(null, story.id, 'Anonymous note.'))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(addDeskNote(editor, 2_000_000_000, 'No such story.'))).toBeInstanceOf(NotFoundError);
    expect(await db().select().from(articleDeskNotes).where(eq(articleDeskNotes.articleId, story.id))).toHaveLength(2);
    // A story with no notes yet is not a refusal for whoever may open it.
    const { story: quiet, contributor: quietWriter } = await submittedStory('Quiet story');
    expect(await listDeskNotes(quietWriter, quiet.id)).toEqual({ notes: [], total: 0 });
    expect(await refusal(listDeskNotes(contributor, quiet.id))).toBeInstanceOf(ForbiddenError);
  });

  it('never reach readers: not on the public page, its JSON-LD data, the feed or the preview', async () => {
    const { editor, story, slug } = await submittedStory('Harbour dredging begins');
    const secret = `Internal only ${Math.random().toString(36).slice(2)}: the source asked not to be named.`;
    await addDeskNote(editor, story.id, secret);
    await sendBackToWriter(editor, story.id, 2, `${secret} (sent back)`);
    const { version } = await getEditableArticle(editor, story.id);
    await publishArticle(editor, story.id, version, { publishAt: null, unpublishAt: null });

    const article = await getPublicArticle(slug);
    expect(article?.headline).toBe('Harbour dredging begins');
    expect(JSON.stringify(article)).not.toContain('Internal only');
    expect(article?.notes).toEqual([]);
    expect(JSON.stringify(await getPreviewArticle(editor, story.id))).not.toContain('Internal only');
    const feed = await listFeedEntries({ kind: 'all' });
    expect(feed.some((entry) => entry.id === story.id)).toBe(true);
    expect(JSON.stringify(feed)).not.toContain('Internal only');
  });
});

describe('the dashboard home', () => {
  it('"Waiting for review": every story in review for editors, their own for contributors, longest waiting first', async () => {
    const first = await submittedStory('First in the queue');
    const second = await submittedStory('Second in the queue');
    const editorView = (await getDeskHome(first.editor)).waitingForReview.rows.map((item) => item.id);
    expect(editorView.indexOf(first.story.id)).toBeLessThan(editorView.indexOf(second.story.id));
    expect(editorView.indexOf(first.story.id)).toBeGreaterThanOrEqual(0);
    const contributorView = await getDeskHome(first.contributor);
    expect(contributorView.waitingForReview).toMatchObject({ total: 1, rows: [{ id: first.story.id }] });
  });

  it('"Published since you last looked": the last 24 hours until marked as seen, then only what came after', async () => {
    const section = await factory.section();
    const editor = await factory.user('editor');
    const contributor = await factory.user('contributor');
    const now = new Date();
    const recent = await factory.article({ sectionId: section.id, publishedAt: new Date(now.getTime() - hours(2)), createdBy: editor.id });
    const old = await factory.article({ sectionId: section.id, publishedAt: new Date(now.getTime() - hours(25)) });
    const scheduled = await factory.article({ sectionId: section.id, publishedAt: new Date(now.getTime() + hours(2)) });
    const expired = await factory.article({ sectionId: section.id, publishedAt: new Date(now.getTime() - hours(3)), unpublishAt: new Date(now.getTime() - hours(1)) });
    const draft = await factory.article({ sectionId: section.id, status: 'draft', publishedAt: null });
    const ids = (home: Awaited<ReturnType<typeof getDeskHome>>) => home.publishedSince.rows.map((item) => item.id);

    const first = await getDeskHome(editor, now);
    expect(first.publishedSince.isFirstLook).toBe(true);
    expect(new Date(first.publishedSince.since).getTime()).toBe(now.getTime() - hours(24));
    expect(ids(first)).toContain(recent.id);
    for (const hidden of [old, scheduled, expired, draft]) expect(ids(first)).not.toContain(hidden.id);
    // A contributor sees the newsroom's output too, linked to the public page when the story is not theirs.
    const theirs = (await getDeskHome(contributor, now)).publishedSince.rows.find((item) => item.id === recent.id);
    expect(theirs?.href).toBe(`/${section.slug}/${recent.slug}`);
    expect(first.publishedSince.rows.find((item) => item.id === recent.id)?.href).toBe(`/dashboard/articles/${recent.id}`);

    // Marked as seen up to when the page was shown: what was published after that still shows.
    const shownAt = new Date(now.getTime() - hours(1));
    const later = await factory.article({ sectionId: section.id, publishedAt: new Date(now.getTime() - hours(0.5)) });
    expect(await markDeskSeen(editor, shownAt, now)).toEqual(shownAt);
    const afterSeen = await getDeskHome(editor, now);
    expect(afterSeen.publishedSince.isFirstLook).toBe(false);
    expect(afterSeen.publishedSince.since).toBe(shownAt.toISOString());
    expect(ids(afterSeen)).toContain(later.id);
    expect(ids(afterSeen)).not.toContain(recent.id);
    // Never moved back by an older page, never into the future.
    expect(await markDeskSeen(editor, new Date(now.getTime() - hours(5)), now)).toEqual(shownAt);
    expect(await markDeskSeen(editor, new Date(now.getTime() + hours(5)), now)).toEqual(now);
    expect(ids(await getDeskHome(editor, now))).toEqual([]);
    // One person's seen-at is theirs alone.
    expect((await getDeskHome(contributor, now)).publishedSince.isFirstLook).toBe(true);
  });

  it('counts beyond the panel limit', async () => {
    const { editor } = await submittedStory();
    const section = await factory.section();
    const extra = await factory.user('contributor');
    for (let index = 0; index < 11; index += 1) {
      const story = await factory.article({ sectionId: section.id, status: 'draft', publishedAt: null, createdBy: extra.id });
      await db().update(articles).set({ assigneeId: extra.id }).where(eq(articles.id, story.id));
    }
    const home = await getDeskHome(extra);
    expect(home.assignedToMe.total).toBe(11);
    expect(home.assignedToMe.rows).toHaveLength(10);
    expect((await getDeskHome(editor)).assignedToMe.total).toBe(0);
  });
});
