/**
 * What can be saved of a multipart/form-data body too large to parse: the plain text fields found whole in the
 * pieces kept of it (its first and last bytes). A refused upload's form can then still show the alt text and
 * credit typed beside the file, instead of losing them.
 */
export function salvageTextFields(contentType: string, pieces: Uint8Array[]): Record<string, string> {
  const match = /boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  if (!match || !/^multipart\/form-data/i.test(contentType.trim())) return {};
  const delimiter = `--${match[1] ?? match[2]}`;
  const fields: Record<string, string> = {};
  for (const piece of pieces) {
    // latin1 maps bytes to characters one to one, so slicing here never splits a UTF-8 sequence in the result.
    const segments = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('latin1').split(delimiter);
    // The first and last segments may be cut off: only those with a delimiter on both sides are whole parts.
    for (const segment of segments.slice(1, -1)) {
      const headerEnd = segment.indexOf('\r\n\r\n');
      if (headerEnd < 0) continue;
      const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(segment.slice(0, headerEnd))?.[1];
      if (!disposition || /\bfilename\*?=/i.test(disposition)) continue;
      const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
      if (!name || name in fields) continue;
      fields[name] = Buffer.from(segment.slice(headerEnd + 4).replace(/\r\n$/, ''), 'latin1').toString('utf8');
    }
  }
  return fields;
}
