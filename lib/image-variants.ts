/** A width variant of a library picture, made once with sharp (see the images issue's ADR). */
export type ImageVariant = {
  width: number;
  height: number;
  format: 'webp' | 'avif';
  fileName: string;
  byteSize: number;
};
