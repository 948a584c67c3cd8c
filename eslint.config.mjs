// typescript-eslint flat config with type-checked rules. The pure layers (core, sidecar, export)
// may not import `vscode` or any Node built-in: they take strings and plain objects only.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/vscode-host/**', '.stryker-tmp/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name=/Sync$/][callee.object.name='fs']", message: 'No synchronous fs calls.' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/sidecar/**/*.ts', 'src/export/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['vscode', ...nodeBuiltins], patterns: ['node:*'] }],
    },
  },
  {
    // The extension host reads and writes through vscode.workspace.fs only (remote and virtual workspaces).
    files: ['src/extension/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises'] }],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The CLI's one place for direct file calls: its threads have nothing else to do meanwhile, and
    // a trip through libuv's thread pool costs more than the call (see the file's comment).
    files: ['src/cli/fileOps.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
