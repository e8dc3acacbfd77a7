// ESLint: typescript-eslint's type-checked rules; every rule is an error or off, never a warning.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const untyped = tseslint.configs.disableTypeChecked

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'data/', 'tmp/', 'coverage/', 'admin/src/api/generated/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: 'error',
    },
  },
  {
    // Plain JavaScript: Node scripts and the public site's browser script, without type information.
    files: ['**/*.js'],
    ...untyped,
    languageOptions: {
      ...untyped.languageOptions,
      globals: { process: 'readonly', console: 'readonly' },
    },
  },
  {
    files: ['src/site/assets/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        HTMLDialogElement: 'readonly',
        fetch: 'readonly',
        setInterval: 'readonly',
        setTimeout: 'readonly',
        getComputedStyle: 'readonly',
      },
    },
  },
)
