import { describe, expect, it } from 'vitest';

import { buildSrcSet, type ImageVariant, PICTURE_SIZES, VARIANT_WIDTHS, variantFileName, variantHeight, variantStem, variantWidths } from './image-variants';

const variant = (width: number, format: ImageVariant['format'] = 'webp'): ImageVariant => ({
  width,
  height: Math.round((width * 9) / 16),
  format,
  fileName: `abc-w${width}.${format}`,
  byteSize: width * 10,
});

describe('variantWidths', () => {
  it('makes only widths narrower than the original, never an enlargement', () => {
    expect(variantWidths(1200)).toEqual([160, 320, 480, 640, 800, 960]);
    expect(variantWidths(2400)).toEqual([...VARIANT_WIDTHS]);
    expect(variantWidths(640)).toEqual([160, 320, 480]);
    expect(variantWidths(256)).toEqual([160]);
    expect(variantWidths(160)).toEqual([]);
    expect(variantWidths(90)).toEqual([]);
  });

  it('keeps the proportions for the height', () => {
    expect(variantHeight({ width: 1200, height: 675 }, 320)).toBe(180);
    expect(variantHeight({ width: 3000, height: 1 }, 160)).toBe(1);
  });
});

describe('variant file names', () => {
  it('sit beside the original and lead back to it', () => {
    expect(variantFileName('0b6e3c1e-1111-4222-8333-444455556666.webp', 320)).toBe('0b6e3c1e-1111-4222-8333-444455556666-w320.webp');
    expect(variantFileName('demo-hero-0001.webp', 960, 'avif')).toBe('demo-hero-0001-w960.avif');
    expect(variantStem('demo-hero-0001-w960.webp')).toBe('demo-hero-0001');
    expect(variantStem('0b6e3c1e-1111-4222-8333-444455556666-w1600.webp')).toBe('0b6e3c1e-1111-4222-8333-444455556666');
  });

  it('are not confused with originals or hostile names', () => {
    for (const name of ['demo-hero-0001.webp', 'abc-w320.png', '../abc-w320.webp', 'abc-w320.webp/x', 'abc-w3.webp', 'abc-w32000.webp', '-w320.webp', 'ABC-w320.webp']) {
      expect(variantStem(name), name).toBeNull();
    }
  });
});

describe('buildSrcSet', () => {
  it('lists the variants narrowest first, then the original at its own width', () => {
    const srcSet = buildSrcSet({ fileName: 'abc.webp', width: 1200 }, [variant(640), variant(160), variant(960)]);
    expect(srcSet).toBe('/media/abc-w160.webp 160w, /media/abc-w640.webp 640w, /media/abc-w960.webp 960w, /media/abc.webp 1200w');
  });

  it('is null without variants, so the page offers the original alone', () => {
    expect(buildSrcSet({ fileName: 'abc.webp', width: 1200 }, [])).toBeNull();
  });

  it('takes one format at a time and never a variant as wide as the original', () => {
    const variants = [variant(320), variant(320, 'avif'), variant(1200)];
    expect(buildSrcSet({ fileName: 'abc.webp', width: 1200 }, variants)).toBe('/media/abc-w320.webp 320w, /media/abc.webp 1200w');
    expect(buildSrcSet({ fileName: 'abc.webp', width: 1200 }, variants, 'avif')).toBe('/media/abc-w320.avif 320w, /media/abc.webp 1200w');
  });
});

describe('PICTURE_SIZES', () => {
  it('ends every list with a default width the browser can use on any screen', () => {
    for (const [place, sizes] of Object.entries(PICTURE_SIZES)) {
      const last = sizes.split(',').at(-1)!.trim();
      expect(last, place).not.toMatch(/^\(/);
      expect(last, place).toMatch(/^(calc\(100vw - 2rem\)|\d+(\.\d+)?rem)$/);
    }
  });

  it('draws a phone-width hero, lead and card at the page width less its padding', () => {
    for (const place of ['hero', 'lead', 'card', 'listCard', 'body'] as const) expect(PICTURE_SIZES[place].endsWith('calc(100vw - 2rem)'), place).toBe(true);
  });
});
