import { describe, expect, it } from 'vitest';

import { salvageTextFields } from './multipart-salvage';

/** A real multipart body, as the platform writes it, with a file between two text fields. */
async function body(fileBytes: number) {
  const form = new FormData();
  form.append('credit', 'Photo: Ada Marsh');
  form.append('file', new File([new Uint8Array(fileBytes).fill(0x41)], 'huge.png', { type: 'image/png' }));
  form.append('alt', 'Gulls over the harbour wall at dawn — “ébauche” 🌊 مرحبا');
  const request = new Request('http://x/', { method: 'POST', body: form });
  return { contentType: request.headers.get('content-type')!, bytes: new Uint8Array(await request.arrayBuffer()) };
}

describe('salvageTextFields', () => {
  it('finds the text fields whole in the head and tail of a large body, and never the file', async () => {
    const { contentType, bytes } = await body(200_000);
    const head = bytes.subarray(0, 64 * 1024);
    const tail = bytes.subarray(bytes.length - 64 * 1024);
    expect(salvageTextFields(contentType, [head, tail])).toEqual({
      credit: 'Photo: Ada Marsh',
      alt: 'Gulls over the harbour wall at dawn — “ébauche” 🌊 مرحبا',
    });
  });

  it('skips a field cut off at the edge of a piece', async () => {
    const { contentType, bytes } = await body(200_000);
    const altStart = Buffer.from(bytes).lastIndexOf('name="alt"');
    expect(salvageTextFields(contentType, [bytes.subarray(0, 64 * 1024), bytes.subarray(altStart + 20)])).toEqual({ credit: 'Photo: Ada Marsh' });
  });

  it('answers nothing for other content types or a missing boundary', async () => {
    const { bytes } = await body(10);
    expect(salvageTextFields('application/x-www-form-urlencoded', [bytes])).toEqual({});
    expect(salvageTextFields('multipart/form-data', [bytes])).toEqual({});
  });
});
