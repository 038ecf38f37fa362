// Lint rules for the server, the tests and the web app; formatting itself is Prettier's (npm run lint runs both).
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The web app's boundaries. It reaches the server's code only for the generated contract types, through
// the @contract alias; shared/ knows no app; a feature folder (web/src/<app>/<feature>/) imports only
// itself (./) and shared/ (@shared/*): never another feature, never its app's routes.
const NO_SERVER_CODE = {
  regex: '(^|/)(src|test)/|types\\.gen',
  message: 'web/ imports server code only as generated contract types, through @contract.',
};
const SHARED_ONLY = { regex: '^\\.\\./', message: 'A feature imports only itself (./) and shared (@shared/*).' };
const NO_APPS = { regex: '(^|/)(learner|admin)(/|$)', message: 'shared/ must not depend on an app.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', 'web/dist/', 'src/contract/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.mocha } },
    rules: {
      // Prettier wraps code at 120; strings, template literals and URLs are left whole so they stay greppable.
      'max-len': [
        'error',
        { code: 120, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Chai's property assertions (`.to.be.true`) are expressions; test payloads are loosely typed on purpose.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      'no-restricted-imports': ['error', { patterns: [NO_SERVER_CODE] }],
    },
  },
  {
    files: ['web/src/shared/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_SERVER_CODE, NO_APPS] }] },
  },
  {
    files: ['web/src/learner/*/**/*.{ts,tsx}', 'web/src/admin/*/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_SERVER_CODE, SHARED_ONLY] }] },
  },
);
