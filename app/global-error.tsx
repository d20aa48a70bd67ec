'use client';

/** Last resort when the root layout itself fails; it replaces the whole document, so it brings its own. */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en-GB">
      <body data-error-page="true">
        <main>
          <h1>Something went wrong</h1>
          <p>Sorry, the site could not be shown. Please try again in a moment.</p>
          {error.digest && <p>Reference: {error.digest}</p>}
          <p>
            {/* The root layout failed, so there is no router to navigate with: a full page load. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/">Go to the front page</a>
          </p>
        </main>
      </body>
    </html>
  );
}
