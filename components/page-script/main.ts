import { enhancePage } from './enhance';

// The entry of the inline script of a page without React (server/lean-page.ts): it runs at the end of the body.
enhancePage(document);
