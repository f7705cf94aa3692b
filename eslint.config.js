// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'http',
  'url',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      '.scratch/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node },
  },
  {
    // The catalog core runs the same under Electron and plain Node: only the shell and preload may touch Electron.
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Core code must run under plain Node.' }] },
      ],
    },
  },
  {
    // The renderer and shared code reach the catalog only through the API contract.
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Use the API contract in shared/.' }],
          patterns: [
            {
              group: nodeBuiltins,
              message: 'The renderer and shared code must not use Node APIs.',
            },
            {
              group: ['**/electron/**', '../electron', '../../electron'],
              message: 'Use the API contract in shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
