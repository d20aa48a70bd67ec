import zlib from 'node:zlib';

/**
 * A cached body with holes where the nonce goes. Each response fills the holes with its own nonce, in plain bytes
 * or gzip, without compressing the page again: every piece between two holes is deflated once, when the page is
 * stored, and ends on a full flush (byte-aligned, no references back), so a stored block holding the nonce can be
 * put between any two pieces. Only the CRC-32 in the gzip trailer is computed per response.
 */
export type BodyTemplate = {
  /** The body's bytes between the holes (one piece when there are none). */
  pieces: Buffer[];
  /** The same pieces, each deflated (raw) and ending in a full flush. Null for bodies not worth compressing. */
  deflated: Buffer[] | null;
  /** Length of the body once the holes hold a nonce of `holeLength` bytes. */
  holeLength: number;
};

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]);
/** An empty, final stored block: ends the deflate stream. */
const FINAL_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

/** Splits `body` at every occurrence of `hole` (the nonce it was rendered with). */
export function makeTemplate(body: Buffer, hole: string | null, compressible: boolean): BodyTemplate {
  const pieces: Buffer[] = [];
  if (hole) {
    const needle = Buffer.from(hole);
    let start = 0;
    for (let at = body.indexOf(needle, start); at !== -1; at = body.indexOf(needle, start)) {
      pieces.push(body.subarray(start, at));
      start = at + needle.length;
    }
    pieces.push(body.subarray(start));
  } else {
    pieces.push(body);
  }
  const deflated = compressible ? pieces.map((piece) => zlib.deflateRawSync(piece, { level: 6, finishFlush: zlib.constants.Z_FULL_FLUSH })) : null;
  return { pieces: pieces.map((piece) => Buffer.from(piece)), deflated, holeLength: hole?.length ?? 0 };
}

/** The body with `nonce` in every hole. */
export function fill(template: BodyTemplate, nonce: string): Buffer {
  if (template.pieces.length === 1) return template.pieces[0]!;
  const filler = Buffer.from(nonce);
  const parts: Buffer[] = [];
  template.pieces.forEach((piece, index) => {
    if (index > 0) parts.push(filler);
    parts.push(piece);
  });
  return Buffer.concat(parts);
}

/** A non-final stored deflate block holding `bytes` (at most 65,535). */
function storedBlock(bytes: Buffer): Buffer {
  const length = bytes.length;
  const header = Buffer.from([0x00, length & 0xff, length >> 8, ~length & 0xff, (~length >> 8) & 0xff]);
  return Buffer.concat([header, bytes]);
}

/** The body with `nonce` in every hole, as a gzip member; null when the template is not compressible. */
export function fillGzip(template: BodyTemplate, nonce: string): Buffer | null {
  if (!template.deflated) return null;
  const filler = Buffer.from(nonce);
  const hole = storedBlock(filler);
  const parts: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  template.deflated.forEach((deflated, index) => {
    if (index > 0) {
      parts.push(hole);
      crc = zlib.crc32(filler, crc);
      size += filler.length;
    }
    parts.push(deflated);
    const piece = template.pieces[index]!;
    crc = zlib.crc32(piece, crc);
    size += piece.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  parts.push(FINAL_BLOCK, trailer);
  return Buffer.concat(parts);
}

/** Whether a response of this type is worth compressing (text, not images). */
export function isCompressible(contentType: string | undefined): boolean {
  return /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|javascript|manifest\+json)|image\/svg\+xml)/i.test(contentType ?? '');
}
