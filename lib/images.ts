/** Upload rules for the image library, shared by the upload route, the data layer, the form and the tests. */

/** The largest file an editor may upload. Checked before anything is decoded. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_UPLOAD_LABEL = '10 MB';
/** The upload request may be this much larger than the file: multipart boundaries, part headers, alt text, credit. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
/**
 * Beyond the limit the route still reads (and throws away) this much, so that the browser, which is still sending,
 * receives the "too large" answer instead of a reset connection. Anything bigger is cut off.
 */
export const UPLOAD_DRAIN_BYTES = 64 * 1024 * 1024;
/** Stored images fit in a square of this side (never enlarged). */
export const MAX_OUTPUT_DIMENSION = 2400;
/** A decompression-bomb guard: more pixels than a 48-megapixel phone photo are refused before decoding. */
export const MAX_INPUT_PIXELS = 50_000_000;
/** For the file input's `accept`: a hint to the browser only; the server decides by the bytes. */
export const ACCEPTED_IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/avif';

export type UploadProblem = 'missing-file' | 'too-large' | 'not-image' | 'unsupported-type' | 'too-many-pixels' | 'damaged' | 'incomplete';

export const UPLOAD_PROBLEM_MESSAGES: Record<UploadProblem, string> = {
  'missing-file': 'Choose an image file to upload.',
  'too-large': `That file is larger than ${MAX_UPLOAD_LABEL}. Export a smaller JPEG, PNG, WebP or AVIF and try again.`,
  'not-image': 'That file is not an image we can read. Upload a JPEG, PNG, WebP or AVIF picture.',
  'unsupported-type': 'That kind of image is not accepted (GIF, SVG, TIFF and others). Upload a JPEG, PNG, WebP or AVIF picture.',
  'too-many-pixels': `That image has too many pixels (more than ${MAX_INPUT_PIXELS / 1_000_000} megapixels). Resize it and try again.`,
  'damaged': 'That image file is damaged or incomplete and cannot be read. Export it again and retry.',
  'incomplete': 'The upload did not arrive complete. Please try again.',
};

export function isUploadProblem(value: unknown): value is UploadProblem {
  return typeof value === 'string' && Object.hasOwn(UPLOAD_PROBLEM_MESSAGES, value);
}

/** "2.4 MB", "830 KB": for the library's captions. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Where a library picture is used: the stories that show it (as hero or in the body) and the author portraits. */
export type PictureUses = {
  /** Stories whose hero it is, in the text readers see or in saved changes not yet published. */
  heroes: { id: number; headline: string }[];
  /** Stories whose body shows it (live text or saved changes). */
  bodies: { id: number; headline: string }[];
  portraits: { id: number; name: string }[];
};
