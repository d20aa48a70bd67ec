import Link from 'next/link';

import { listRelatedStories } from '@/data/related';

import { articleHref } from './article-card';

/** The "Related stories" sidebar: each item says why it is there. */
export async function RelatedStories({ articleId }: { articleId: number }) {
  const stories = await listRelatedStories(articleId);
  if (stories.length === 0) return null;
  return (
    <section className="related" aria-labelledby="related-title">
      <h2 id="related-title" className="rail-title">
        Related stories
      </h2>
      <ol className="related__list">
        {stories.map((story) => (
          <li key={story.id} className="related__item">
            <p className="related__reason">{story.reason}</p>
            <h3 className="related__headline">
              <Link href={articleHref(story)}>{story.headline}</Link>
            </h3>
          </li>
        ))}
      </ol>
    </section>
  );
}
