// One linter for the whole tree: typescript-eslint's recommended rules, plus the
// import boundary that keeps functions/core pure (no AWS, no fs, no env, no clock).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.local/', '.cache/', 'out/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['functions/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', '@aws-sdk/*', 'aws-cdk-lib', '#adapters/*', '#handlers/*', '#cli/*'], message: 'functions/core is pure: no I/O, no AWS, no env.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'core reads no env: pass values in.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core reads no clock: pass time in.' },
        { object: 'Math', property: 'random', message: 'core is deterministic: pass ids in.' },
      ],
    },
  },
  {
    // The staff console's browser code (issue 15): a plain ES module, run by browsers, not Node.
    files: ['functions/console/static/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { document: 'readonly', fetch: 'readonly', URLSearchParams: 'readonly', window: 'readonly' } },
  },
);
