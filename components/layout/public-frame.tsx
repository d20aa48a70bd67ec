import { Footer } from './footer';
import { Masthead } from './masthead';

/**
 * The reader's frame: the masthead with the section menu above the page and the footer below it. Public pages get it
 * from their route group's layout, the root 404 page renders it itself; the dashboard has a compact header of its own.
 */
export function PublicFrame({ children }: { children: React.ReactNode }) {
  return (
    <>
      <Masthead />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <Footer />
    </>
  );
}
