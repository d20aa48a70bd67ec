import Link from 'next/link';

import type { PictureUses } from '@/lib/images';

import styles from './image-uses.module.css';

/** Where a library picture is used, each place a link to where it can be changed. */
export function ImageUses({ uses, titleId }: { uses: PictureUses; titleId: string }) {
  const groups = [
    { key: 'heroes', label: 'Hero picture of', items: uses.heroes.map((use) => ({ id: use.id, href: `/dashboard/articles/${use.id}#hero-picture`, text: use.headline })) },
    { key: 'bodies', label: 'In the body of', items: uses.bodies.map((use) => ({ id: use.id, href: `/dashboard/articles/${use.id}`, text: use.headline })) },
    { key: 'portraits', label: 'Portrait of', items: uses.portraits.map((use) => ({ id: use.id, href: `/dashboard/authors/${use.id}`, text: use.name })) },
  ].filter((group) => group.items.length > 0);
  if (groups.length === 0) return <p className={styles.none}>Nothing uses this picture: no story, no author profile.</p>;
  return (
    <div className={styles.uses} aria-labelledby={titleId}>
      {groups.map((group) => (
        <section key={group.key} aria-label={group.label}>
          <h3>{group.label}</h3>
          <ul>
            {group.items.map((item) => (
              <li key={item.id}>
                <Link href={item.href}>{item.text}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
