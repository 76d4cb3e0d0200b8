import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-output/**', 'scripts/**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/workers/**', '../workers/*'], message: 'src/ must not import workers/' }] }],
    },
  },
  {
    files: ['workers/**', 'test/**', 'scripts/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
