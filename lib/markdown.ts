import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { VFile } from 'vfile';

import { mediaFileOf, type PictureSize, splitPictureTitle } from './body-pictures';
import { PICTURE_SIZES } from './image-variants';

type MdastNode = {
  type: string;
  depth?: number;
  children?: MdastNode[];
  value?: string;
  url?: string;
  alt?: string | null;
  title?: string | null;
  data?: Record<string, unknown>;
};
type HastNode = { type: 'element'; tagName: string; properties: Record<string, unknown>; children: HastNode[] } | { type: 'text'; value: string };

/** The page's <h1> is the headline, so a body heading never ranks above <h2>. */
function demoteTopHeadings() {
  return (tree: MdastNode) => {
    const visit = (node: MdastNode) => {
      if (node.type === 'heading' && node.depth === 1) node.depth = 2;
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}

/** The sizes of the library pictures a body shows, by file name (from the images table). */
export type PictureSizes = ReadonlyMap<string, PictureSize>;

const isBlankText = (node: MdastNode) => node.type === 'text' && !node.value?.trim();

/**
 * Pictures in the body (docs/adr/0014). An image alone in its paragraph, of a file the library has, becomes
 * `<figure><img … width height loading="lazy"><figcaption>caption <span>credit</span></figcaption></figure>`, with the
 * picture's real size so nothing shifts as it loads. Every other image (remote, `javascript:`, not in the library,
 * inline in a sentence, a reference) becomes its alt text: never a request to anywhere.
 */
function libraryFigures() {
  return (tree: MdastNode, file: VFile) => {
    const sizes = (file.data.pictureSizes as PictureSizes | undefined) ?? new Map<string, PictureSize>();
    const visit = (node: MdastNode) => {
      if (node.type === 'paragraph' && node.children) {
        const content = node.children.filter((child) => !isBlankText(child));
        const image = content.length === 1 && content[0]!.type === 'image' ? content[0]! : null;
        const fileName = image?.url ? mediaFileOf(image.url) : null;
        const size = fileName ? sizes.get(fileName) : undefined;
        if (image && fileName && size) {
          node.data = { hName: 'figure', hProperties: {}, hChildren: figureChildren(fileName, size, image) };
          node.children = [];
          return;
        }
      }
      node.children = node.children?.map((child) => (child.type === 'image' || child.type === 'imageReference' ? { type: 'text', value: child.alt ?? '' } : child));
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}

function figureChildren(fileName: string, size: PictureSize, image: MdastNode): HastNode[] {
  const { caption, credit } = splitPictureTitle(image.title);
  const img: HastNode = {
    type: 'element',
    tagName: 'img',
    properties: {
      src: `/media/${fileName}`,
      // The width variants (docs/adr/0029): the browser picks one for the 40rem column.
      ...(size.srcSet ? { srcSet: size.srcSet, sizes: PICTURE_SIZES.body } : {}),
      alt: image.alt ?? '',
      width: size.width,
      height: size.height,
      loading: 'lazy',
      decoding: 'async',
    },
    children: [],
  };
  if (!caption && !credit) return [img];
  const parts: HastNode[] = [];
  if (caption) parts.push({ type: 'text', value: caption });
  if (caption && credit) parts.push({ type: 'text', value: ' ' });
  if (credit) parts.push({ type: 'element', tagName: 'span', properties: {}, children: [{ type: 'text', value: credit }] });
  return [img, { type: 'element', tagName: 'figcaption', properties: {}, children: parts }];
}

/** Every address in a `srcset` (a string, or the list hast parses it into) is a library file. */
function isLibrarySrcSet(value: unknown): boolean {
  const candidates = (Array.isArray(value) ? value.map(String) : String(value).split(',')).map((candidate) => candidate.trim()).filter(Boolean);
  return candidates.length > 0 && candidates.every((candidate) => /^\S+ \d{1,4}w$/.test(candidate) && mediaFileOf(candidate.split(' ')[0]!) !== null);
}

/**
 * After sanitising, the last word: an <img> that is not a library file goes, whatever made it; a `srcset` naming
 * anything but library files goes (with its `sizes`), leaving the picture's `src`.
 */
function onlyLibraryImages() {
  // The tree's root is not an element but has children: it is visited like one.
  return (tree: HastNode | { type: 'root'; children: HastNode[] }) => {
    const visit = (node: HastNode | { type: 'root'; children: HastNode[] }) => {
      if (node.type === 'text') return;
      node.children = node.children.filter((child) => child.type !== 'element' || child.tagName !== 'img' || mediaFileOf(String(child.properties.src ?? '')) !== null);
      for (const child of node.children) {
        if (child.type === 'element' && child.tagName === 'img' && (child.properties.srcSet !== undefined || child.properties.sizes !== undefined) && !isLibrarySrcSet(child.properties.srcSet)) {
          delete child.properties.srcSet;
          delete child.properties.sizes;
        }
      }
      node.children.forEach(visit);
    };
    visit(tree);
  };
}

// GitHub's allow-list, minus things an article body has no use for, plus the body's figures. Images: same-origin
// paths only (no protocol allowed at all), and only the attributes a figure uses.
const schema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => !['input', 'details', 'summary', 'picture', 'source'].includes(tag)), 'figure', 'figcaption'],
  attributes: {
    ...defaultSchema.attributes,
    img: ['src', 'srcSet', 'sizes', 'alt', 'width', 'height', ['loading', 'lazy'], ['decoding', 'async']],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: [] },
};

// Raw HTML in the source is dropped by remark-rehype (allowDangerousHtml is off); the sanitiser is the second
// line of defence for anything Markdown itself can express, such as `javascript:` links.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(demoteTopHeadings)
  .use(libraryFigures)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(onlyLibraryImages)
  .use(rehypeStringify);

/**
 * Renders article Markdown to sanitised HTML. Safe to pass to dangerouslySetInnerHTML. `pictureSizes`: the library
 * pictures the body may show (data/images.ts#bodyPictureSizes); a picture not in it is left out (its alt text stays).
 */
export function renderMarkdown(markdown: string, pictureSizes: PictureSizes = new Map()): string {
  return String(processor.processSync({ value: markdown, data: { pictureSizes } }));
}

const WORDS_PER_MINUTE = 230;

export function countWords(markdown: string): number {
  const text = markdown.replace(/[#>*_`~\-[\]()!|]/g, ' ');
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whole minutes, at least one. */
export function readingMinutes(markdown: string): number {
  return Math.max(1, Math.round(countWords(markdown) / WORDS_PER_MINUTE));
}
