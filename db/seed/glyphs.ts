/**
 * A tiny stroke alphabet (capital letters as polylines on an 8 x 12 grid). The avatars draw initials with it
 * instead of SVG <text>: sharp renders text with whatever fonts the machine has, which would make the images
 * differ between machines, or come out blank where no font is installed.
 */

type Stroke = readonly (readonly [number, number])[];

const O: Stroke = [[2, 0], [6, 0], [8, 2], [8, 10], [6, 12], [2, 12], [0, 10], [0, 2], [2, 0]];
const P: Stroke = [[0, 12], [0, 0], [6, 0], [8, 2], [8, 4.5], [6, 6.5], [0, 6.5]];

const GLYPHS: Record<string, readonly Stroke[]> = {
  A: [[[0, 12], [4, 0], [8, 12]], [[1.5, 7.5], [6.5, 7.5]]],
  B: [[[0, 6], [6, 6], [8, 8], [8, 10], [6, 12], [0, 12], [0, 0], [5, 0], [7, 1.8], [7, 4.2], [5, 6]]],
  C: [[[8, 2], [6, 0], [2, 0], [0, 2], [0, 10], [2, 12], [6, 12], [8, 10]]],
  D: [[[0, 0], [0, 12], [5, 12], [8, 9], [8, 3], [5, 0], [0, 0]]],
  E: [[[8, 0], [0, 0], [0, 12], [8, 12]], [[0, 6], [6, 6]]],
  F: [[[8, 0], [0, 0], [0, 12]], [[0, 6], [6, 6]]],
  G: [[[8, 2], [6, 0], [2, 0], [0, 2], [0, 10], [2, 12], [6, 12], [8, 10], [8, 7], [5, 7]]],
  H: [[[0, 0], [0, 12]], [[8, 0], [8, 12]], [[0, 6], [8, 6]]],
  I: [[[4, 0], [4, 12]], [[1, 0], [7, 0]], [[1, 12], [7, 12]]],
  J: [[[8, 0], [8, 10], [6, 12], [2, 12], [0, 10]]],
  K: [[[0, 0], [0, 12]], [[8, 0], [0, 7]], [[3, 4.5], [8, 12]]],
  L: [[[0, 0], [0, 12], [8, 12]]],
  M: [[[0, 12], [0, 0], [4, 7], [8, 0], [8, 12]]],
  N: [[[0, 12], [0, 0], [8, 12], [8, 0]]],
  O: [O],
  P: [P],
  Q: [O, [[5, 9], [8.5, 12.5]]],
  R: [P, [[4, 6.5], [8, 12]]],
  S: [[[8, 2], [6, 0], [2, 0], [0, 2], [0, 4], [2, 6], [6, 6], [8, 8], [8, 10], [6, 12], [2, 12], [0, 10]]],
  T: [[[0, 0], [8, 0]], [[4, 0], [4, 12]]],
  U: [[[0, 0], [0, 10], [2, 12], [6, 12], [8, 10], [8, 0]]],
  V: [[[0, 0], [4, 12], [8, 0]]],
  W: [[[0, 0], [2, 12], [4, 5], [6, 12], [8, 0]]],
  X: [[[0, 0], [8, 12]], [[8, 0], [0, 12]]],
  Y: [[[0, 0], [4, 6], [8, 0]], [[4, 6], [4, 12]]],
  Z: [[[0, 0], [8, 0], [0, 12], [8, 12]]],
};

const GLYPH_WIDTH = 8;
const GLYPH_HEIGHT = 12;
const LETTER_GAP = 4;

/** SVG paths drawing `text` (capital letters; anything else is skipped) centred on a point. */
export function strokeText(text: string, options: { centreX: number; centreY: number; unit: number; colour: string }): string {
  const letters = [...text].filter((letter) => letter in GLYPHS);
  const { centreX, centreY, unit, colour } = options;
  const width = letters.length * GLYPH_WIDTH + Math.max(0, letters.length - 1) * LETTER_GAP;
  const left = centreX - (width * unit) / 2;
  const top = centreY - (GLYPH_HEIGHT * unit) / 2;
  const d = letters
    .flatMap((letter, index) =>
      (GLYPHS[letter] ?? []).map((stroke) =>
        stroke
          .map(([x, y], point) => {
            const px = Math.round((left + (index * (GLYPH_WIDTH + LETTER_GAP) + x) * unit) * 10) / 10;
            const py = Math.round((top + y * unit) * 10) / 10;
            return `${point === 0 ? 'M' : 'L'}${px} ${py}`;
          })
          .join(' '),
      ),
    )
    .join(' ');
  return `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${unit * 1.6}" stroke-linecap="round" stroke-linejoin="round"/>`;
}
