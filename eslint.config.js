// Lint: type-aware rules plus the layering rules from STYLE.md (core stays pure, UI never imports the server).
import tseslint from 'typescript-eslint';

const uiOrIo = [
  'dexie',
  'preact',
  'preact/*',
  'i18next',
  'workbox-window',
  '@preact/*',
  'node:*',
  'fs',
  'pg',
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dev-dist',
      'node_modules',
      'data',
      'bench-results',
      'test-results',
      'public',
      '.scratch',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: uiOrIo,
              message: 'src/core is pure: no UI, storage, network or Node imports.',
            },
            {
              group: [
                '**/storage/**',
                '**/kiosk/**',
                '**/staff/**',
                '**/server/**',
                '**/platform/**',
                '**/sync/**',
                '**/speech/**',
                '**/i18n/**',
              ],
              message: 'src/core may not import from other layers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/kiosk/**',
      'src/staff/**',
      'src/storage/**',
      'src/platform/**',
      'src/i18n/**',
      'src/pwa/**',
      'src/workspace/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', 'node:*', 'pg', '@electric-sql/*'],
              message: 'Browser code never imports the server.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/kiosk/**',
      'src/staff/**',
      'src/storage/**',
      'src/i18n/**',
      'src/core/**',
      'src/speech/**',
      'src/workspace/**',
    ],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'navigator', message: 'Use the wrapper in src/platform.' },
        { name: 'localStorage', message: 'Use the wrapper in src/platform.' },
        { name: 'speechSynthesis', message: 'Use the wrapper in src/platform.' },
        { name: 'indexedDB', message: 'Use src/storage.' },
      ],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
