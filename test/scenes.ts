import { createComment } from '@/data/comments';
import { getDb } from '@/db/client';
import { comments } from '@/db/schema';

import { createFactory, daysAgo } from './factories';

type Factory = ReturnType<typeof createFactory>;

/**
 * Scenes that the data tests and the action tests of one area both start from (the records come from `factory`,
 * which removes them after each test).
 */

/** A published story with two earlier comments by a regular, a newcomer's held comment and a regular's published one. */
export async function moderationScene(factory: Factory) {
  const section = await factory.section();
  const article = await factory.article({ sectionId: section.id, publishedAt: daysAgo(1) });
  const newcomer = await factory.user('reader', { name: 'New Reader' });
  const regular = await factory.user('reader', { name: 'Regular Reader' });
  await getDb().insert(comments).values([1, 2].map((n) => ({ articleId: article.id, userId: regular.id, body: `Old ${n}`, status: 'published' as const, createdAt: daysAgo(1) })));
  const pending = await createComment(newcomer, { articleId: article.id, parentId: null, body: 'Please approve me' });
  const published = await createComment(regular, { articleId: article.id, parentId: null, body: 'Something reportable' });
  return { article, newcomer, regular, pending, published };
}

/** An editor and `count` published stories in one section (a month old and older, unless `publishedAt` says). */
export async function editorAndStories(factory: Factory, count: number, options: { publishedAt?: (i: number) => Date } = {}) {
  const editor = await factory.user('editor');
  const section = await factory.section('Politics');
  const stories = [];
  for (let i = 0; i < count; i += 1) stories.push(await factory.article({ sectionId: section.id, publishedAt: options.publishedAt?.(i) ?? daysAgo(30 + i) }));
  return { editor, section, stories };
}
