import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="notice-page">
      <h1>Page not found</h1>
      <p>We could not find that page. The story may have moved, or the address may be mistyped.</p>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </div>
  );
}
