import { describe, expect, it } from 'vitest';

import { parseContentRoute } from './public-routes';
import { SITE_PAGES } from './site-pages';
import { isReservedSectionSlug, isValidSlug } from './slug';
import { createSectionSchema } from './validation/sections';

describe('the newspaper’s own pages', () => {
  it.each(SITE_PAGES.map((page) => page.slug))('/%s is a valid slug that no section may take', (slug) => {
    expect(isValidSlug(slug)).toBe(true);
    expect(isReservedSectionSlug(slug)).toBe(true);
    expect(createSectionSchema.safeParse({ name: 'Anything', slug, description: '' }).success).toBe(false);
  });

  it.each(SITE_PAGES.map((page) => page.slug))('/%s is a fixed route, never looked up as a section', (slug) => {
    expect(parseContentRoute(`/${slug}`)).toBeNull();
  });
});
