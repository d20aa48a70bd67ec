import { describe, expect, it } from 'vitest';

import { UPLOAD_PROBLEM_MESSAGES } from '../images';
import { IMAGE_FIELD_MESSAGES, imageDetailsSchema, imageFieldErrorCodes, imageIdSchema, imageLibraryParamsSchema, readUploadFeedback } from './images';

describe('imageDetailsSchema', () => {
  it('trims, requires alt text of 1 to 300 characters and allows an empty credit of up to 200', () => {
    expect(imageDetailsSchema.parse({ alt: '  A gull  ', credit: ' ' })).toEqual({ alt: 'A gull', credit: '' });
    expect(imageDetailsSchema.safeParse({ alt: 'a'.repeat(300), credit: 'c'.repeat(200) }).success).toBe(true);
    expect(imageDetailsSchema.safeParse({ alt: '   ', credit: '' }).success).toBe(false);
    expect(imageDetailsSchema.safeParse({ alt: 'a'.repeat(301), credit: '' }).success).toBe(false);
    expect(imageDetailsSchema.safeParse({ alt: 'ok', credit: 'c'.repeat(201) }).success).toBe(false);
    expect(imageDetailsSchema.safeParse({ alt: 'nul\u0000byte', credit: '' }).success).toBe(false);
  });

  it('turns problems into codes for the upload redirect', () => {
    const result = imageDetailsSchema.safeParse({ alt: '', credit: 'c'.repeat(201) });
    expect(result.success).toBe(false);
    expect(imageFieldErrorCodes(result.error!)).toEqual({ alt: 'alt-missing', credit: 'credit-too-long' });
  });
});

describe('readUploadFeedback', () => {
  it('turns known codes into messages and puts typed values back', () => {
    expect(readUploadFeedback({ fileError: 'too-large', altError: 'alt-missing', alt: 'typed', credit: 'me' })).toEqual({
      uploadedId: null,
      fieldErrors: { file: [UPLOAD_PROBLEM_MESSAGES['too-large']], alt: [IMAGE_FIELD_MESSAGES['alt-missing']] },
      values: { alt: 'typed', credit: 'me' },
    });
    expect(readUploadFeedback({ uploaded: '12' }).uploadedId).toBe(12);
  });

  it('ignores codes it does not know, codes for the wrong field, and odd ids', () => {
    const feedback = readUploadFeedback({ fileError: 'You have been hacked', altError: 'credit-too-long', creditError: 'toString', uploaded: '01' });
    expect(feedback.fieldErrors).toEqual({});
    expect(feedback.uploadedId).toBeNull();
    expect(readUploadFeedback({ fileError: ['constructor'] }).fieldErrors).toEqual({});
  });
});

describe('query and id parsing', () => {
  it('never fails on a hostile library query string', () => {
    expect(imageLibraryParamsSchema.parse({ q: ' gull\u0000 ', page: '3' })).toEqual({ q: 'gull', page: 3 });
    expect(imageLibraryParamsSchema.parse({ page: '-1' })).toEqual({ q: '', page: 1 });
    expect(imageLibraryParamsSchema.parse({ q: ['a', 'b'], page: 'x' })).toEqual({ q: 'a', page: 1 });
  });

  it('takes canonical positive ids only', () => {
    expect(imageIdSchema.safeParse('42').data).toBe(42);
    for (const bad of ['0', '01', '-1', '1e3', '99999999999', '']) expect(imageIdSchema.safeParse(bad).success).toBe(false);
  });
});
