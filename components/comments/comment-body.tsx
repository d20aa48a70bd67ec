import { linkify, paragraphs } from '@/lib/comment-text';

import styles from './comments.module.css';

/** Plain text: paragraphs and http(s) links, rendered as React text nodes (never HTML). */
export function CommentBody({ body }: { body: string }) {
  return (
    <div className={`comment__body ${styles.body}`}>
      {paragraphs(body).map((paragraph, index) => (
        <p key={index}>
          {linkify(paragraph).map((piece, pieceIndex) =>
            piece.kind === 'link' ? (
              <a key={pieceIndex} href={piece.href} rel="ugc nofollow noopener" target="_blank">
                {piece.text}
              </a>
            ) : (
              piece.text
            ),
          )}
        </p>
      ))}
    </div>
  );
}
