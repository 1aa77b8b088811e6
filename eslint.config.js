// Lint: type-aware rules plus the program boundaries from STYLE.md. `src` holds three programs (tablet, office,
// server) and what they share; each program imports only itself and `src/shared`, shared imports no program, the
// pure core imports no UI, storage or network, and raw browser globals stay behind the platform wrappers.
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
const program = (name) => [
  `**/src/${name}/**`,
  `../${name}/**`,
  `../../${name}/**`,
  `../../../${name}/**`,
];
const programs = {
  tablet: program('tablet'),
  office: program('office'),
  server: program('server'),
};
const nodeOnly = ['node:*', 'fs', 'pg', '@electric-sql/*', 'fastify', '@fastify/*'];
const browserOnly = ['dexie', 'preact', 'preact/*', 'i18next', 'workbox-window', '@preact/*'];
const only = (message, ...groups) => groups.map((group) => ({ group, message }));
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

const globalsBehindPlatform = [
  'error',
  { name: 'navigator', message: 'Use the wrapper in src/tablet/platform or src/shared/platform.' },
  { name: 'localStorage', message: 'Use the wrapper in src/tablet/platform.' },
  { name: 'speechSynthesis', message: 'Use the wrapper in src/tablet/platform.' },
  { name: 'indexedDB', message: 'Use src/tablet/storage.' },
  { name: 'caches', message: 'Use the wrapper in src/tablet/platform.' },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-bench',
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
    files: ['src/shared/**'],
    rules: restrict(
      ...only(
        'src/shared is used by every program and imports none of them.',
        programs.tablet,
        programs.office,
        programs.server,
      ),
    ),
  },
  {
    files: ['src/shared/core/**', 'src/shared/contract/**', 'src/shared/instruments/**'],
    rules: restrict(
      ...only(
        'The pure core and the contract import no UI, storage, network or Node module.',
        uiOrIo,
      ),
      ...only(
        'The pure core and the contract import only each other.',
        programs.tablet,
        programs.office,
        programs.server,
        ['**/ui/**', '**/platform/**', '**/i18n/**', '**/speechRender/**', '**/fonts/**'],
      ),
    ),
  },
  {
    files: ['src/tablet/**'],
    rules: restrict(
      ...only('The tablet imports only itself and src/shared.', programs.office, programs.server),
      ...only('The tablet runs in the browser: no Node or database module.', nodeOnly, [
        '**/shared/speechRender/**',
      ]),
    ),
  },
  {
    files: ['src/office/**'],
    rules: restrict(
      ...only(
        'The office workspace imports only itself and src/shared.',
        programs.tablet,
        programs.server,
      ),
      ...only('The office workspace runs in the browser: no Node or database module.', nodeOnly, [
        '**/shared/speechRender/**',
      ]),
    ),
  },
  {
    files: ['src/server/**'],
    rules: restrict(
      ...only('The server imports only itself and src/shared.', programs.tablet, programs.office),
      ...only('The server renders no UI and touches no browser storage.', browserOnly, [
        '**/shared/ui/**',
        '**/shared/platform/**',
      ]),
    ),
  },
  {
    files: ['src/tablet/**', 'src/office/**', 'src/shared/**'],
    ignores: ['src/tablet/platform/**', 'src/shared/platform/**', 'src/tablet/storage/**'],
    rules: { 'no-restricted-globals': globalsBehindPlatform },
  },
  {
    files: ['src/tablet/storage/**'],
    rules: {
      'no-restricted-globals': globalsBehindPlatform.filter(
        (g) => g === 'error' || g.name !== 'indexedDB',
      ),
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
