import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NOT_WORKERS = { group: ['**/workers/**', '../workers/*'], message: 'only workers/ and roles/ import workers/' };
/** roles/ holds the entry of each role, the composition root of every one: nothing a role runs imports it. */
const NOT_ROLES = { group: ['**/roles/**', '../roles/*'], message: 'only the role entries import roles/' };
/** What the web role alone runs: routes and services (src/modules), HTTP middleware, the API's composition. */
const NOT_WEB_ONLY = {
  group: ['**/modules/**', '**/middleware/**', '**/lib/http/**', '**/app.js', '**/server.js'],
  message:
    'web-only code (src/modules, middleware, HTTP, the API composition): what both roles need lives in src/domain, src/ops or queues/',
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'test-output/**', 'scripts/**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Type-aware rules need the TypeScript program: tsconfig.json holds every linted .ts file but the workspaces', which
    // have their own (faster here than projectService, which also builds scripts/bench's project).
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './clients/typescript/tsconfig.json', './examples/vscode-extension/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      'no-restricted-imports': ['error', { patterns: [NOT_WORKERS, NOT_ROLES] }],
    },
  },
  {
    // What both roles load never loads web-only code: the web/worker contract (queues/), the domain code (src/domain/),
    // what every role exposes to operators (src/ops/), the infrastructure under them (src/lib except its HTTP part,
    // src/config, src/models), and the migrations the scripts run (src/migrations/).
    files: [
      'queues/**',
      'src/domain/**',
      'src/ops/**',
      'src/lib/**',
      'src/config/**',
      'src/models/**',
      'src/migrations/**',
    ],
    ignores: ['src/lib/http/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NOT_WORKERS, NOT_ROLES, NOT_WEB_ONLY] }] },
  },
  {
    // Middleware and the HTTP helpers sit under the feature modules: what they need of auth (claims, scopes, the
    // principal) lives in src/lib/http, so a module can be moved or removed without touching them.
    files: ['src/middleware/**', 'src/lib/http/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NOT_WORKERS,
            NOT_ROLES,
            { group: ['**/modules/**'], message: 'middleware and src/lib/http never import a feature module' },
          ],
        },
      ],
    },
  },
  {
    // The worker role neither (roles/all.ts, not workers/, runs the web role beside it).
    files: ['workers/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NOT_ROLES, NOT_WEB_ONLY] }] },
  },
  {
    // The client and the example extension are shipped on their own: nothing of the service may leak into them.
    files: ['clients/**', 'examples/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../*', '../../../*'], message: 'a workspace imports only its own files and packages' },
          ],
        },
      ],
    },
  },
  {
    // roles/ composes every role (web, workers, scheduler); tests and scripts may reach anything.
    files: ['roles/**', 'test/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The config itself is plain JavaScript outside every tsconfig.
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
