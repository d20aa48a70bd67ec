import { describe, expect, it } from 'vitest';

import { bodyPictureFiles, mediaFileOf, pictureSnippet, pictureSnippetParts, splitPictureTitle } from './body-pictures';
import { PICTURE_SIZES } from './image-variants';
import { renderMarkdown } from './markdown';

const FILE = '0b5c2a1e-8f7d-4a3b-9c1d-2e3f4a5b6c7d.webp';
const sizes = new Map([[FILE, { width: 1200, height: 800 }]]);

describe('body pictures: Markdown to figure', () => {
  it('renders a library picture on its own line as a figure with its real size, caption and credit', () => {
    const html = renderMarkdown(`Before.\n\n![Flood water in the square](/media/${FILE} "The square at noon | Photo: Ada Marsh")\n\nAfter.`, sizes);
    expect(html).toContain(
      `<figure><img src="/media/${FILE}" alt="Flood water in the square" width="1200" height="800" loading="lazy" decoding="async"><figcaption>The square at noon <span>Photo: Ada Marsh</span></figcaption></figure>`,
    );
    expect(html).toContain('<p>Before.</p>');
    expect(html).toContain('<p>After.</p>');
  });

  it('offers the width variants in srcset with the body column\'s sizes, once they are made (docs/adr/0029)', () => {
    const stem = FILE.replace('.webp', '');
    const srcSet = `/media/${stem}-w320.webp 320w, /media/${stem}-w640.webp 640w, /media/${FILE} 1200w`;
    const html = renderMarkdown(`![Alt](/media/${FILE})`, new Map([[FILE, { width: 1200, height: 800, srcSet }]]));
    expect(html).toBe(`<figure><img src="/media/${FILE}" srcset="${srcSet}" sizes="${PICTURE_SIZES.body}" alt="Alt" width="1200" height="800" loading="lazy" decoding="async"></figure>`);
  });

  it('drops a srcset that names anything but library files, keeping the picture', () => {
    for (const srcSet of ['https://evil.example/x.webp 320w', `/media/${FILE} 320w, javascript:alert(1) 640w`, `/media/../secret 320w`, 'nonsense']) {
      const html = renderMarkdown(`![Alt](/media/${FILE})`, new Map([[FILE, { width: 1200, height: 800, srcSet }]]));
      expect(html, srcSet).toBe(`<figure><img src="/media/${FILE}" alt="Alt" width="1200" height="800" loading="lazy" decoding="async"></figure>`);
    }
  });

  it('leaves out an empty figcaption, and takes a title without a bar as all caption', () => {
    expect(renderMarkdown(`![Alt](/media/${FILE})`, sizes)).toBe(`<figure><img src="/media/${FILE}" alt="Alt" width="1200" height="800" loading="lazy" decoding="async"></figure>`);
    expect(renderMarkdown(`![Alt](/media/${FILE} "Only a caption")`, sizes)).toContain('<figcaption>Only a caption</figcaption>');
    expect(renderMarkdown(`![Alt](/media/${FILE} "| Reuters")`, sizes)).toContain('<figcaption><span>Reuters</span></figcaption>');
  });

  it.each([
    ['a remote picture', '![Tracker](https://evil.example/pixel.png "Caption | Credit")'],
    ['a protocol-relative picture', '![Tracker](//evil.example/pixel.png)'],
    ['a javascript: address', '![Tracker](javascript:alert(1))'],
    ['a data: address', '![Tracker](data:image/svg+xml;base64,PHN2Zz4=)'],
    ['a path outside the library', '![Tracker](/api/images)'],
    ['a traversal out of the library', '![Tracker](/media/../../etc/passwd)'],
    ['a library file with a query', `![Tracker](/media/${FILE}?x=1)`],
    ['a file the library does not have', '![Tracker](/media/0b5c2a1e-0000-4a3b-9c1d-2e3f4a5b6c7d.webp)'],
    ['a reference-style picture', `![Tracker][pic]\n\n[pic]: https://evil.example/pixel.png`],
  ])('never makes an <img> of %s: its alt text stays as text', (_name, markdown) => {
    const html = renderMarkdown(markdown, sizes);
    expect(html).not.toMatch(/<img|<figure|evil\.example|javascript:|data:/i);
    expect(html).toContain('Tracker');
  });

  it('turns a library picture inside a sentence into its alt text (a figure cannot sit in a paragraph)', () => {
    const html = renderMarkdown(`See ![the map](/media/${FILE}) here.`, sizes);
    expect(html).toBe('<p>See the map here.</p>');
  });

  it('escapes HTML and quotes in the alt text, caption and credit', () => {
    const markdown = `![A "quoted" <b>alt</b> & more](/media/${FILE} "<script>alert(1)</script> caption \\" onerror=\\"x | <img src=x onerror=alert(1)>")`;
    const html = renderMarkdown(markdown, sizes);
    // Everything typed stays text: the alt text inside its quoted attribute, the caption and credit as escaped text.
    expect(html).toBe(
      `<figure><img src="/media/${FILE}" alt="A &#x22;quoted&#x22; <b>alt</b> &#x26; more" width="1200" height="800" loading="lazy" decoding="async"><figcaption>&#x3C;script>alert(1)&#x3C;/script> caption " onerror="x <span>&#x3C;img src=x onerror=alert(1)></span></figcaption></figure>`,
    );
  });

  it('still drops raw HTML figures and images written by hand', () => {
    const html = renderMarkdown(`<figure><img src="/media/${FILE}" onerror="alert(1)"></figure>\n\n<img src="https://evil.example/x.png">`, sizes);
    expect(html).not.toMatch(/<img|<figure|onerror|evil/);
  });
});

describe('body pictures: helpers', () => {
  it('accepts only /media/<server-made name> as a library file', () => {
    expect(mediaFileOf(`/media/${FILE}`)).toBe(FILE);
    expect(mediaFileOf(`https://site.example/media/${FILE}`)).toBeNull();
    expect(mediaFileOf('/media/.hidden.webp')).toBeNull();
    expect(mediaFileOf('/media/a/b.webp')).toBeNull();
    expect(mediaFileOf('/media/x.svg')).toBeNull();
  });

  it('splits caption and credit at the last bar', () => {
    expect(splitPictureTitle('Left | right | Photo: AP')).toEqual({ caption: 'Left | right', credit: 'Photo: AP' });
    expect(splitPictureTitle(undefined)).toEqual({ caption: '', credit: '' });
  });

  it('lists the library files a body shows, once each', () => {
    expect(bodyPictureFiles(`![a](/media/${FILE})\n\n![b](/media/${FILE} "x")\n\n![c](https://x.example/media/y.png)`)).toEqual([FILE, 'y.png']);
  });

  it('writes a snippet that renders back to the same picture, whatever the alt text and credit hold', () => {
    const picture = { src: `/media/${FILE}`, alt: 'Rain [heavy] on\nthe "square"', credit: 'Photo: "Ada" | Marsh' };
    const snippet = pictureSnippet(picture, 'Noon');
    expect(snippet).toBe(`![Rain \\[heavy\\] on the "square"](/media/${FILE} "Noon | Photo: \\"Ada\\" / Marsh")`);
    const html = renderMarkdown(snippet, sizes);
    expect(html).toContain('alt="Rain [heavy] on the &#x22;square&#x22;"');
    expect(html).toContain('<figcaption>Noon <span>Photo: "Ada" / Marsh</span></figcaption>');
    expect(pictureSnippetParts({ ...picture, credit: '' }).after).toBe('")');
  });
});
