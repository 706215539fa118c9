// Lint: typescript-eslint's type-aware recommended rules; Prettier owns layout (eslint-config-prettier
// turns off every rule it would fight with).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'out/**',
      'coverage/**',
      'test-output/**',
      'src/report/wardMap/mapFontData.ts',
      '**/*.cjs',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `_name` marks a value left out on purpose (destructuring it away, an unused callback argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // Ports declare their functions in method syntax and are called detached by design (no `this` anywhere).
      '@typescript-eslint/unbound-method': 'off',
      // Async functions that implement a Promise-returning port need not await.
      '@typescript-eslint/require-await': 'off',
      // XML and sheet names are cleaned of control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // Expected commands are read from JSON and narrowed by hand; the linter misjudges these assertions as
    // unneeded (tsc needs them), so the rule is off for this one script.
    files: ['scripts/evalDialogue.ts'],
    rules: { '@typescript-eslint/no-unnecessary-type-assertion': 'off' },
  },
  {
    // Tests read untyped XML, JSON and Office.js payloads, and write reference values with every published digit.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      'no-loss-of-precision': 'off',
      // Tests narrow fixtures by assertion where the linter's inference and tsc's differ.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  prettier,
);
