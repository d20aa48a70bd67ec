import 'server-only';

import { asc, eq } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';

import { getPublicDb } from '@/db/client';
import { authors, images, sections, tags } from '@/db/schema';
import { cacheTags } from '@/lib/cache-tags';
import type { AuthorDetail, SectionDetail, SectionRef, TagDetail } from '@/lib/dto';
import { isValidSlug } from '@/lib/slug';

import { toImageRef } from './cards';

/** Public: every section in display order (navigation, front-page rails). */
export async function listSections(): Promise<SectionRef[]> {
  'use cache';
  cacheTag(cacheTags.sections());
  cacheLife('hours');
  return getPublicDb().select({ name: sections.name, slug: sections.slug }).from(sections).orderBy(asc(sections.position), asc(sections.name));
}

/** Public: one section by slug, or null. */
export async function getSection(slug: string): Promise<SectionDetail | null> {
  'use cache';
  cacheTag(cacheTags.section(slug), cacheTags.sections());
  cacheLife('hours');
  if (!isValidSlug(slug)) return null;
  const [row] = await getPublicDb()
    .select({ id: sections.id, name: sections.name, slug: sections.slug, description: sections.description })
    .from(sections)
    .where(eq(sections.slug, slug))
    .limit(1);
  return row ?? null;
}

/** Public: one tag by slug, or null. */
export async function getTag(slug: string): Promise<TagDetail | null> {
  'use cache';
  cacheTag(cacheTags.tag(slug));
  cacheLife('hours');
  if (!isValidSlug(slug)) return null;
  const [row] = await getPublicDb()
    .select({ id: tags.id, name: tags.name, slug: tags.slug, description: tags.description })
    .from(tags)
    .where(eq(tags.slug, slug))
    .limit(1);
  return row ?? null;
}

/** Public: one author's profile by slug, or null. Never includes the linked account. */
export async function getAuthor(slug: string): Promise<AuthorDetail | null> {
  'use cache';
  cacheLife('hours');
  if (!isValidSlug(slug)) return null;
  const [row] = await getPublicDb()
    .select({
      id: authors.id,
      name: authors.name,
      slug: authors.slug,
      jobTitle: authors.jobTitle,
      bio: authors.bio,
      fileName: images.fileName,
      width: images.width,
      height: images.height,
      variants: images.variants,
    })
    .from(authors)
    .leftJoin(images, eq(images.id, authors.avatarImageId))
    .where(eq(authors.slug, slug))
    .limit(1);
  if (!row) {
    cacheTag(cacheTags.articles());
    return null;
  }
  cacheTag(cacheTags.author(row.id));
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    jobTitle: row.jobTitle,
    bio: row.bio,
    avatar: toImageRef(row, `Portrait of ${row.name}`),
  };
}
