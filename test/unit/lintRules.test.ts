// Proves the layering rules in eslint.config.mjs fire: each case lints a snippet as if it lived
// at the given path and expects (or not) a restricted-import error.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '..', '..');

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
	const eslint = new ESLint({ cwd: root });
	const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
	return result!.messages.filter(m => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map(m => m.message);
}

describe('layering lint rules', function () {
	this.timeout(30000);

	it('rejects a runtime vscode import in src/core', async () => {
		const errors = await restrictedImportErrors('src/core/fixture.ts', "import * as vscode from 'vscode';\nexport const x = vscode.version;\n");
		assert.equal(errors.length, 1);
		assert.match(errors[0]!, /src\/core runs without VS Code/);
	});

	it('allows a type-only vscode import in src/core', async () => {
		assert.deepEqual(await restrictedImportErrors('src/core/fixture.ts', "import type * as vscode from 'vscode';\nexport type U = vscode.Uri;\n"), []);
	});

	it('rejects src/core importing a platform adapter or a feature', async () => {
		assert.equal((await restrictedImportErrors('src/core/llm/fixture.ts', "import { Config } from '../../platform/config';\nexport const c = Config;\n")).length, 1);
		assert.equal((await restrictedImportErrors('src/core/fixture.ts', "import { registerTutor } from '../features/tutor';\nexport const r = registerTutor;\n")).length, 1);
	});

	it('rejects Node built-ins and core imports in src/shared', async () => {
		assert.equal((await restrictedImportErrors('src/shared/fixture.ts', "import * as fs from 'node:fs';\nexport const f = fs;\n")).length, 1);
		assert.equal((await restrictedImportErrors('src/shared/fixture.ts', "import { redactSecrets } from '../core/log';\nexport const r = redactSecrets;\n")).length, 1);
	});

	it('lets webviews import src/shared but not src/core', async () => {
		assert.deepEqual(await restrictedImportErrors('webview-ui/tutor/fixture.ts', "import { tutorToHost } from '../../src/shared/protocol/tutor';\nexport const t = tutorToHost;\n"), []);
		assert.equal((await restrictedImportErrors('webview-ui/tutor/fixture.ts', "import { redactSecrets } from '../../src/core/log';\nexport const r = redactSecrets;\n")).length, 1);
	});

	it("rejects zod's tree-shaking-hostile named `z` import", async () => {
		assert.equal((await restrictedImportErrors('src/core/fixture.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).length, 1);
		assert.deepEqual(await restrictedImportErrors('src/core/fixture.ts', "import * as z from 'zod';\nexport const s = z.string();\n"), []);
	});
});
