import { Link } from '@/components/ui/link';

import { CommentSection } from '@/components/comments/comment-section';
import { PageScript } from '@/components/page-script/page-script';
import { JsonLd } from '@/components/seo/json-ld';
import { DateTime } from '@/components/ui/date-time';
import { Picture } from '@/components/ui/picture';
import type { ThreadQuery } from '@/lib/comment-order';
import type { ArticleDetail, PreviewPublication } from '@/lib/dto';
import { ARTICLE_NOTE_LABELS } from '@/lib/editorial';
import { FORMAT_LABELS } from '@/lib/format';
import { site } from '@/lib/metadata';
import { breadcrumbJsonLd, liveBlogJsonLd, newsArticleJsonLd } from '@/lib/structured-data';
import type { LiveBlogPage } from '@/data/live-entries';

import styles from './article-view.module.css';
import figureStyles from './body-figures.module.css';
import { Byline } from './byline';
import cardStyles from './card.module.css';
import { LiveBlog } from './live-blog';
import { MostRead } from './most-read';
import { RelatedStories } from './related-stories';
import { ShareLinks } from './share-links';
import { ViewBeacon } from './view-beacon';

/**
 * The story as readers see it; one place decides how a story is laid out (formats differ by label and accent).
 * `threadQuery` null leaves out the discussion (dashboard previews). `publication` (dashboard previews only) says
 * where the story really stands instead of the reader's "Published …" line.
 */
export function ArticleView({
  article,
  url,
  threadQuery,
  publication,
  live,
}: {
  article: ArticleDetail;
  url: string;
  threadQuery: ThreadQuery | null;
  publication?: PreviewPublication;
  /** A live blog's page of entries (docs/adr/0026). */
  live?: LiveBlogPage | null;
}) {
  const path = `/${article.section.slug}/${article.slug}`;
  return (
    <div className={styles.layout}>
      <JsonLd data={live ? liveBlogJsonLd(article, live, site()) : newsArticleJsonLd(article, site())} />
      <JsonLd
        data={breadcrumbJsonLd(site(), [
          { name: 'Home', path: '/' },
          { name: article.section.name, path: `/${article.section.slug}` },
          { name: article.headline, path },
        ])}
      />
      <article className={styles.article} aria-labelledby="headline">
        <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
          <ol>
            <li>
              <Link href="/">Home</Link>
            </li>
            <li>
              <Link href={`/${article.section.slug}`}>{article.section.name}</Link>
            </li>
          </ol>
        </nav>
        <header className={styles.header}>
          <p className={`${cardStyles.format} ${cardStyles[article.format]}`}>{FORMAT_LABELS[article.format]}</p>
          <h1 id="headline" className={styles.headline}>
            {article.headline}
          </h1>
          {article.dek && <p className={styles.dek}>{article.dek}</p>}
          {article.isOld && (
            <p className={styles.ageWarning} role="note">
              <strong>This story is more than a year old.</strong> It was published on <DateTime iso={article.publishedAt} short />; some details
              may have changed since.
            </p>
          )}
          <div className={styles.meta}>
            <Byline authors={article.authors} />
            <p className={`article__times ${styles.times}`}>
              {publication ? (
                <PreviewDateline publication={publication} />
              ) : (
                <span>
                  Published <DateTime iso={article.publishedAt} />
                </span>
              )}
              {article.updatedAt && (
                <span>
                  Updated <DateTime iso={article.updatedAt} />
                </span>
              )}
              <span>{article.readingMinutes} min read</span>
            </p>
          </div>
        </header>

        {article.hero && (
          <figure className={styles.hero}>
            <Picture image={article.hero} place="hero" priority />
            {article.heroCaption && <figcaption>{article.heroCaption}</figcaption>}
          </figure>
        )}

        {/* Sanitised by lib/markdown.ts (raw HTML dropped, allow-list sanitiser) before it is cached. */}
        <div className={`article__body ${styles.prose} ${figureStyles.figures}`} dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />

        {live && <LiveBlog live={live} path={path} publishedAt={article.publishedAt} />}

        {article.notes.length > 0 && (
          <aside className={styles.notes} aria-labelledby="notes-title">
            <h2 id="notes-title">Corrections and updates</h2>
            <ul>
              {article.notes.map((note, index) => (
                <li key={index}>
                  <strong>{ARTICLE_NOTE_LABELS[note.kind]}</strong> <DateTime iso={note.notedAt} short />: {note.body}
                </li>
              ))}
            </ul>
          </aside>
        )}

        {article.tags.length > 0 && (
          <nav className={styles.tags} aria-label="Topics">
            <h2 className="visually-hidden">Topics</h2>
            <ul>
              {article.tags.map((tag) => (
                <li key={tag.slug}>
                  <Link href={`/tag/${tag.slug}`}>{tag.name}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}

        <ShareLinks url={url} headline={article.headline} />
      </article>

      {/* After the story and before its discussion in reading order: on a phone, related stories come before the
          comments; from 64rem they stand beside the story and the comments continue under it (article-view.module.css). */}
      <aside className={styles.aside}>
        {/* Not behind Suspense: a streamed boundary needs JavaScript to appear, and the list is cached anyway. */}
        <RelatedStories articleId={article.id} />
        {threadQuery && <MostRead exclude={article.id} />}
      </aside>
      {/* Readers' views are counted; previews are not (docs/adr/0027). */}
      {threadQuery && <ViewBeacon articleId={article.id} />}

      {threadQuery && (
        <div className={styles.comments}>
          <CommentSection articleId={article.id} articlePath={path} query={threadQuery} />
        </div>
      )}
      <PageScript />
    </div>
  );
}

/** A preview's publication line: what is true of the story now, never "Published" for a story readers cannot see. */
function PreviewDateline({ publication }: { publication: PreviewPublication }) {
  switch (publication.state) {
    case 'draft':
      return <span>Draft — not published</span>;
    case 'in_review':
      return <span>In review — not published</span>;
    case 'scheduled':
      return (
        <span>
          Scheduled for <DateTime iso={publication.publishedAt} /> — not published yet
        </span>
      );
    case 'published':
      return (
        <span>
          Published <DateTime iso={publication.publishedAt} />
        </span>
      );
    case 'expired':
      return (
        <span>
          Published <DateTime iso={publication.publishedAt} />, taken off the site <DateTime iso={publication.unpublishedAt} />
        </span>
      );
  }
}
