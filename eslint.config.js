import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NOT_WORKERS = { group: ['**/workers/**', '../workers/*'], message: 'only workers/ imports workers/' };
/** What the web role alone runs: routes, HTTP middleware, the API's composition. */
const NOT_WEB_ONLY = {
  group: [
    '**/src/modules/**',
    '../modules/**',
    '../../modules/**',
    '**/middleware/**',
    '**/lib/http/**',
    '**/src/app.js',
    '**/src/server.js',
  ],
  message: 'web-only code (src/modules, middleware, HTTP): what both roles need lives in src/shared or queues/',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', 'scripts/**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules need the TypeScript program: one program of tsconfig.json, which holds every linted .ts file
    // (faster here than projectService, which also builds scripts/bench's project).
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      'no-restricted-imports': ['error', { patterns: [NOT_WORKERS] }],
    },
  },
  {
    // The web/worker contract (queues/) and the domain code both roles run (src/shared/) never load web-only code.
    files: ['queues/**', 'src/shared/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NOT_WORKERS, NOT_WEB_ONLY] }] },
  },
  {
    // The worker role neither; workers/main.ts is the composition root of every role, `all` included.
    files: ['workers/**'],
    ignores: ['workers/main.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NOT_WEB_ONLY] }] },
  },
  {
    files: ['workers/main.ts', 'test/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The config itself is plain JavaScript outside every tsconfig.
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
