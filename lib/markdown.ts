import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

type MdastNode = { type: string; depth?: number; children?: MdastNode[] };

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

// GitHub's allow-list, minus things an article body has no use for.
const schema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !['input', 'details', 'summary'].includes(tag)),
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
};

// Raw HTML in the source is dropped by remark-rehype (allowDangerousHtml is off); the sanitiser is the second
// line of defence for anything Markdown itself can express, such as `javascript:` links.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(demoteTopHeadings)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

/** Renders article Markdown to sanitised HTML. Safe to pass to dangerouslySetInnerHTML. */
export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
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
