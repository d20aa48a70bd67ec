/**
 * How every launcher (npm start, the e2e and cluster harnesses) runs the site's server: plain Node with tsx's loader
 * (not the tsx CLI, which SIGKILLs a child that does not acknowledge a relayed SIGTERM at once), resolving modules with
 * tsconfig.server.json so the background jobs in the same process may use data/ (see server/server-only.ts).
 */
export const SITE_SERVER_ARGS = ['--import', 'tsx', 'server/main.ts'];
export const SITE_SERVER_ENV = { TSX_TSCONFIG_PATH: 'tsconfig.server.json' } as const;
