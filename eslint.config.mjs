import nextPlugin from '@next/eslint-plugin-next';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const dbImports = {
  group: ['@/db', '@/db/*', '../db/*', '../../db/*'],
  message: 'Only data/ (and db/, scripts/, tests) may import the database: go through a data/ function.',
};
/** Forms answer the same without JavaScript only through useFormAction (docs/adr/0030). */
const formState = {
  name: 'react',
  importNames: ['useActionState'],
  message: 'Use useFormAction from components/ui/form-result.tsx: it gives the form its answer without JavaScript too.',
};
/** The reader's pages link with plain anchors (components/ui/link.tsx, docs/adr/0031); the dashboard keeps Next's Link. */
const readerLinks = {
  name: 'next/link',
  message: "Use Link from components/ui/link.tsx on the reader's pages: Next's Link hydrates and prefetches (docs/adr/0031).",
};
const authImports = {
  group: ['next-auth', 'next-auth/*', '@auth/*'],
  message: 'Keep next-auth inside auth.ts, auth.config.ts and data/viewer.ts.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', '.next/**', '.next-*/**', '.data/**', 'next-env.d.ts', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { '@next/next': nextPlugin, 'react-hooks': reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs['core-web-vitals'].rules,
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // Images come from our own /media route with explicit sizes; next/image's optimiser is not used.
      '@next/next/no-img-element': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [formState, readerLinks], patterns: [dbImports, authImports] }],
    },
  },
  {
    // The desk navigates client-side between its own pages.
    files: ['components/dashboard/**', 'app/dashboard/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [formState], patterns: [dbImports, authImports] }] },
  },
  {
    // The one place that wraps useActionState.
    files: ['components/ui/form-result.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [dbImports, authImports] }] },
  },
  {
    // The layers allowed to reach the database directly.
    files: ['data/**', 'db/**', 'scripts/**', 'server/**', 'test/**', 'e2e/**', '**/*.test.ts', '*.config.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [authImports] }] },
  },
  {
    // The three files next-auth may be imported from (ARCHITECTURE.md §1).
    files: ['auth.ts', 'auth.config.ts', 'data/viewer.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [dbImports] }] },
  },
  {
    // Auth.js's storage adapter is data access: it lives in data/.
    files: ['data/auth-adapter.ts', 'data/viewer.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
