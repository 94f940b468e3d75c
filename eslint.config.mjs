// Lint rules, including the layering in ../shared/STYLE.md, enforced by import restrictions:
//   src/core     pure TypeScript: no runtime `vscode`, nothing from platform/features/container
//   src/shared   the webview protocol: no vscode, no Node built-ins, nothing from core/platform/features
//   webview-ui   browser code: imports src/shared and nothing else from src
// test/unit/lintRules.test.ts proves these rules fire.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os', 'path', 'process', 'stream', 'url', 'util', 'worker_threads', 'zlib'];
// `import { z } from 'zod'` keeps zod's whole namespace object alive (~450 KB); `import * as z` tree-shakes (~95 KB).
const zodNamedZ = { selector: "ImportDeclaration[source.value=/^zod/] > ImportSpecifier[imported.name='z']", message: "Use `import * as z from 'zod'`: the named `z` export defeats tree-shaking." };
const noVscodeAtRuntime = { name: 'vscode', message: 'src/core runs without VS Code: import only types (`import type`) from vscode, or move this to src/platform.', allowTypeImports: true };

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'exercises/**', '.cache/**', 'test-results/**', 'test/fixtures/**', 'out/**', '**/*.d.ts'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node } },
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
			eqeqeq: ['error', 'smart'],
			curly: 'error',
			'no-restricted-syntax': ['error', zodNamedZ],
		},
	},
	{
		files: ['**/*.cjs', 'esbuild.js'],
		languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
	{
		files: ['src/core/**/*.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': ['error', {
				paths: [noVscodeAtRuntime],
				patterns: [{ group: ['**/platform/**', '**/features/**', '**/container', '**/extension'], message: 'src/core must not depend on VS Code adapters or features.' }],
			}],
		},
	},
	{
		files: ['src/shared/**/*.ts'],
		rules: {
			'@typescript-eslint/no-restricted-imports': ['error', {
				paths: [{ name: 'vscode', message: 'src/shared is loaded by webviews too: no vscode.' },
					...nodeBuiltins.flatMap(name => [{ name, message: 'src/shared runs in the browser: no Node built-ins.' }, { name: `node:${name}`, message: 'src/shared runs in the browser: no Node built-ins.' }])],
				patterns: [{ group: ['**/core/**', '**/platform/**', '**/features/**', '**/container', '**/extension'], message: 'src/shared may only import src/shared.' }],
			}],
		},
	},
	{
		files: ['webview-ui/**/*.ts'],
		languageOptions: { globals: { ...globals.browser } },
		rules: {
			'@typescript-eslint/no-restricted-imports': ['error', {
				paths: [{ name: 'vscode', message: 'Webviews cannot use the vscode API; talk to the host through the protocol in src/shared.' },
					...nodeBuiltins.flatMap(name => [{ name, message: 'Webviews run in a browser.' }, { name: `node:${name}`, message: 'Webviews run in a browser.' }])],
				patterns: [{ group: ['**/src/core/**', '**/src/platform/**', '**/src/features/**', '**/src/container', '**/src/extension'], message: 'Webviews may import only src/shared from src.' }],
			}],
		},
	},
	{
		files: ['test/**/*.ts'],
		languageOptions: { globals: { ...globals.node, ...globals.mocha } },
		rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
	},
);
