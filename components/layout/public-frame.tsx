import { BreakingBanner } from './breaking-banner';
import { Footer } from './footer';
import { Masthead } from './masthead';

/**
 * The reader's frame: the masthead with the section menu (and the breaking-news banner, when one is up) above the
 * page and the footer below it. Public pages get it from their route group's layout (`area` "site" or "auth"), the
 * root 404 page renders it itself ("not-found"); the dashboard has a compact header of its own. `area` keeps the <main> id unique: after a client navigation Next keeps
 * the previous route's tree, hidden, in the document, and the skip link must find the visible one.
 */
export function PublicFrame({ area, children }: { area: 'site' | 'auth' | 'not-found'; children: React.ReactNode }) {
  const id = `main-${area}`;
  return (
    <>
      <a className="skip-link" href={`#${id}`}>
        Skip to content
      </a>
      <Masthead />
      <BreakingBanner />
      <main id={id} tabIndex={-1}>
        {children}
      </main>
      <Footer />
    </>
  );
}
