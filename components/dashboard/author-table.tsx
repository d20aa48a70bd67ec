import Link from 'next/link';

import type { DashboardAuthor } from '@/data/authors';

import styles from './author-form.module.css';
import dashboardStyles from './dashboard.module.css';

/** The author profiles, each linking to its edit page and public page. */
export function AuthorTable({ authors }: { authors: DashboardAuthor[] }) {
  if (authors.length === 0) return <p>No author profiles yet.</p>;
  return (
    <table className={dashboardStyles.table}>
      <caption className="visually-hidden">Author profiles</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Job title</th>
          <th scope="col">Public page</th>
          <th scope="col">Picture</th>
          <th scope="col">Account</th>
          <th scope="col">Stories</th>
        </tr>
      </thead>
      <tbody>
        {authors.map((author) => (
          <tr key={author.id}>
            <td>
              <Link href={`/dashboard/authors/${author.id}`}>{author.name}</Link>
            </td>
            <td>{author.jobTitle}</td>
            <td>
              <a href={`/author/${author.slug}`}>/author/{author.slug}</a>
            </td>
            <td>{author.avatar ? <img src={author.avatar.src} alt={author.avatar.alt} width={32} height={32} className={styles.thumb} /> : '—'}</td>
            <td>{author.user?.name ?? '—'}</td>
            <td>{author.articleCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
