import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/workers/**', '../workers/*'], message: 'src/ must not import workers/' }] }],
    },
  },
  {
    files: ['workers/**', 'test/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The config itself is plain JavaScript outside every tsconfig.
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
