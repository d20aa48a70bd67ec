/**
 * A little discussion for the demo: four readers (who cannot sign in) comment under the five newest public stories,
 * with replies and likes, one comment waiting for a moderator and one reported, so the moderation queue has work.
 */
import { desc, eq } from 'drizzle-orm';

import type { Database } from '../client';
import { articles, commentLikes, commentReports, comments, users } from '../schema';
import { isPublic } from '../visibility';

const VOICES = ['Morag from Leith', 'P. Okonkwo', 'Harbourside Resident', 'Tomasz W.'];
const REMARKS = [
  'Thanks for explaining this so clearly. The second half answered the question I came with.',
  'I was at the meeting and this matches what was said, although the mood in the room was angrier than it reads here.',
  'Does anyone know whether the consultation is still open? The council website is not clear.',
  'Good to see the numbers laid out. It would help to know how they compare with last year.',
  'My street has been waiting for this for a decade. I will believe it when the diggers arrive.',
];
const SPAM = 'Cheap flights to anywhere at https://example.com/deals and https://example.com/more and https://example.com/again';
const STORIES = 5;

/** Writes the discussion; returns how many comments, or 0 when the voices already exist (it was written before). */
export async function seedDemoDiscussion(db: Database, now = new Date()): Promise<{ comments: number; stories: number }> {
  const voices = await db
    .insert(users)
    .values(VOICES.map((name, index) => ({ name, email: `demo.voice.${index + 1}@example.org` })))
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  if (voices.length < VOICES.length) return { comments: 0, stories: 0 };
  const voice = (index: number) => voices[index % voices.length]!.id;
  const stories = await db.select({ id: articles.id, publishedAt: articles.publishedAt }).from(articles).where(isPublic()).orderBy(desc(articles.publishedAt)).limit(STORIES);

  for (const [index, story] of stories.entries()) {
    // Minutes after publication, but never in the future.
    const at = (minutes: number) => new Date(Math.min(now.getTime() - 60_000, story.publishedAt!.getTime() + minutes * 60_000));
    const [first] = await db.insert(comments).values({ articleId: story.id, userId: voice(index), body: REMARKS[index]!, status: 'published', createdAt: at(20) }).returning({ id: comments.id });
    await db.insert(comments).values({ articleId: story.id, userId: voice(index + 1), parentId: first!.id, body: REMARKS[(index + 2) % REMARKS.length]!, status: 'published', createdAt: at(45) });
    const likers = voices.filter((_, n) => n !== index % voices.length).slice(0, 1 + (index % 3));
    await db.insert(commentLikes).values(likers.map((liker) => ({ commentId: first!.id, userId: liker.id, createdAt: at(60) })));
    await db.update(comments).set({ likeCount: likers.length }).where(eq(comments.id, first!.id));
    if (index === 0) {
      await db.insert(comments).values({ articleId: story.id, userId: voice(3), body: SPAM, status: 'pending', createdAt: at(50) });
      await db.insert(commentReports).values({ commentId: first!.id, userId: voice(2), reason: 'off_topic', note: 'Not about the story.' });
    }
  }
  return { comments: stories.length * 2 + (stories.length ? 1 : 0), stories: stories.length };
}
