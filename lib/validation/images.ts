import { z } from 'zod';

import { UPLOAD_PROBLEM_MESSAGES, isUploadProblem } from '../images';
import { firstParam, isOneLine, pageParam, parseSerialId, queryText, serialId } from './common';
import { MAX_QUERY_LENGTH } from './search';

export const MAX_ALT_LENGTH = 300;
export const MAX_CREDIT_LENGTH = 200;

/**
 * Every message the details schema can give, under a short code. The upload route is a plain form post that answers
 * with a redirect, so it carries codes in the query string, never text (a link cannot make the page say anything).
 */
export const IMAGE_FIELD_MESSAGES = {
  'alt-missing': 'Describe the picture for readers who cannot see it: alternative text is required.',
  'alt-too-long': `Keep the alternative text to ${MAX_ALT_LENGTH} characters or fewer.`,
  'alt-control': 'Remove control characters from the alternative text.',
  'credit-too-long': `Keep the credit to ${MAX_CREDIT_LENGTH} characters or fewer.`,
  'credit-control': 'Remove control characters from the credit.',
} as const;
export type ImageFieldCode = keyof typeof IMAGE_FIELD_MESSAGES;

export const imageDetailsSchema = z.object({
  alt: z
    .string()
    .trim()
    .min(1, { message: IMAGE_FIELD_MESSAGES['alt-missing'] })
    .max(MAX_ALT_LENGTH, { message: IMAGE_FIELD_MESSAGES['alt-too-long'] })
    .refine(isOneLine, { message: IMAGE_FIELD_MESSAGES['alt-control'] }),
  credit: z
    .string()
    .trim()
    .max(MAX_CREDIT_LENGTH, { message: IMAGE_FIELD_MESSAGES['credit-too-long'] })
    .refine(isOneLine, { message: IMAGE_FIELD_MESSAGES['credit-control'] }),
});

export type ImageDetailsInput = z.infer<typeof imageDetailsSchema>;

/** The code of each field's first problem, for the upload route's redirect. */
export function imageFieldErrorCodes(error: z.ZodError): Partial<Record<'alt' | 'credit', ImageFieldCode>> {
  const codes: Partial<Record<'alt' | 'credit', ImageFieldCode>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (field !== 'alt' && field !== 'credit') continue;
    const code = (Object.keys(IMAGE_FIELD_MESSAGES) as ImageFieldCode[]).find((key) => IMAGE_FIELD_MESSAGES[key] === issue.message);
    if (code && !codes[field]) codes[field] = code;
  }
  return codes;
}

/** The library's query string. Never fails: anything malformed falls back to the first page of everything. */
export const imageLibraryParamsSchema = z.object({
  q: queryText(MAX_QUERY_LENGTH),
  page: pageParam(10_000),
});

export type UploadFeedback = {
  uploadedId: number | null;
  fieldErrors: { file?: string[]; alt?: string[]; credit?: string[] };
  /** What was typed, put back after a refused upload (the file itself cannot be). */
  values: { alt: string; credit: string };
};

/** Reads the upload route's redirect back into messages. Unknown codes are ignored. */
export function readUploadFeedback(params: Record<string, string | string[] | undefined>): UploadFeedback {
  const text = (name: string) => {
    const value = firstParam(params[name]);
    return typeof value === 'string' ? value : '';
  };
  const fieldErrors: UploadFeedback['fieldErrors'] = {};
  const fileError = text('fileError');
  if (isUploadProblem(fileError)) fieldErrors.file = [UPLOAD_PROBLEM_MESSAGES[fileError]];
  for (const field of ['alt', 'credit'] as const) {
    const code = text(`${field}Error`);
    if (code.startsWith(`${field}-`) && Object.hasOwn(IMAGE_FIELD_MESSAGES, code)) fieldErrors[field] = [IMAGE_FIELD_MESSAGES[code as ImageFieldCode]];
  }
  const uploaded = text('uploaded');
  return {
    uploadedId: parseSerialId(uploaded) ?? null,
    fieldErrors,
    values: { alt: text('alt').slice(0, MAX_ALT_LENGTH + 50), credit: text('credit').slice(0, MAX_CREDIT_LENGTH + 50) },
  };
}

export const imageIdSchema = serialId();
