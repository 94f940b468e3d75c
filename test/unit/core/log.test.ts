import * as assert from 'node:assert/strict';
import { createRedactingLogger, formatLogArg, redactSecrets, type Logger } from '../../../src/core/log';

describe('core/log', () => {
	describe('redactSecrets', () => {
		const cases: Array<[string, string]> = [
			['key sk-proj-abcdefghijklmnopqrstuvwxyz0123456789', 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789'],
			['sk-ant-api03-AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789', 'AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789'],
			['token ghp_0123456789abcdefghijABCDEFGHIJ0123', 'ghp_0123456789abcdefghijABCDEFGHIJ0123'],
			['github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz'],
			['Authorization: Bearer abc.def-ghi_jkl~mno+pqr/stu', 'abc.def-ghi_jkl~mno+pqr/stu'],
			['{"api_key": "super-secret-value-123"}', 'super-secret-value-123'],
			['x-api-key=my-long-secret-key', 'my-long-secret-key'],
		];
		for (const [text, secret] of cases) {
			it(`hides ${secret.slice(0, 12)}…`, () => {
				const out = redactSecrets(text);
				assert.ok(!out.includes(secret), out);
				assert.match(out, /\[REDACTED\]/);
			});
		}

		it('keeps ordinary text intact and is idempotent', () => {
			const text = 'Graded 12 tests in 340 ms for exercise two-sum (python); the task list has 3 items.';
			assert.equal(redactSecrets(text), text);
			const once = redactSecrets('Bearer abcdefghijklmnopqrstuvwxyz');
			assert.equal(redactSecrets(once), once);
		});
	});

	it('formats errors with their cause chain, redacted', () => {
		const error = new Error('request failed', { cause: new Error('401 for key sk-abcdefghijklmnopqrstuvwx') });
		const text = formatLogArg(error);
		assert.match(text, /request failed/);
		assert.match(text, /Caused by: .*401/);
		assert.ok(!text.includes('sk-abcdefghijklmnopqrstuvwx'));
	});

	it('the redacting logger redacts messages and arguments at every level', () => {
		const seen: string[] = [];
		const sink: Logger = {
			trace: (m, ...a) => seen.push(m, ...a.map(String)),
			debug: (m, ...a) => seen.push(m, ...a.map(String)),
			info: (m, ...a) => seen.push(m, ...a.map(String)),
			warn: (m, ...a) => seen.push(m, ...a.map(String)),
			error: (m, ...a) => seen.push(String(m), ...a.map(String)),
		};
		const logger = createRedactingLogger(sink);
		const key = 'sk-proj-ZZZZZZZZZZZZZZZZZZZZZZZZ';
		logger.trace(`t ${key}`, { headers: { authorization: `Bearer ${key}` } });
		logger.info(`i ${key}`);
		logger.warn('w', key);
		logger.error(new Error(`e ${key}`));
		assert.ok(seen.length >= 6);
		for (const line of seen) {
			assert.ok(!line.includes(key), line);
		}
	});
});
