import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'test-results', 'playwright-report', 'e2e-artifacts'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  // Layer rules (README «Architecture»). Tests may reach across layers to build their inputs.
  layer(
    ['src/engine/**/*.ts'],
    'The engine imports nothing of the app (it runs alone in Node and the worker).',
    [
      {
        regex: appFolders([
          'app',
          'charts',
          'export',
          'features',
          'i18n',
          'ingest',
          'results',
          'security',
          'ssb',
          'store',
          'styles',
          'worker',
        ]),
      },
      // The spec's section types describe what the engine computes; a type import is erased at build.
      { regex: appFolders(['spec']), allowTypeImports: true },
    ],
  ),
  layer(['src/ingest/**/*.ts'], 'Ingest uses the engine and the data section of the spec only.', [
    {
      regex: appFolders([
        'app',
        'charts',
        'export',
        'features',
        'i18n',
        'results',
        'security',
        'ssb',
        'store',
        'styles',
        'worker',
      ]),
    },
  ]),
  layer(
    ['src/charts/**/*.{ts,tsx}'],
    'Charts render their props and contexts: no store (synthetic-data status and source line come from contexts the shell provides).',
    [{ regex: appFolders(['store', 'worker']) }],
  ),
  layer(
    ['src/features/**/*.{ts,tsx}'],
    'Views take result types from src/results and talk to the worker through the store.',
    [{ regex: appFolders(['worker']) }],
  ),
);

/** An import specifier that climbs out to one of these top-level folders of src/. */
function appFolders(names) {
  return `^(\\.\\./)+(${names.join('|')})(/|$)`;
}

function layer(files, message, patterns) {
  return {
    files,
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: patterns.map((p) => ({ ...p, message })) },
      ],
    },
  };
}
