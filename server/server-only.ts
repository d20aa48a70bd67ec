/**
 * `server-only` for the site's own Node processes (server/main.ts and the worker run by tsx with
 * tsconfig.server.json): they are server code by definition, so the background jobs may call data/ functions.
 * Inside Next's bundles the real package still keeps server modules out of client code.
 */
export {};
