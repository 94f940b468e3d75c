// Which saved files review on save may send: secrets, keys, dependencies, binaries and big files
// never; the learner's code when the mode and languages allow it.
import * as assert from 'node:assert/strict';
import { defaultMaxBytes, excludedBy, shouldReview, sniffSecret, type ReviewCandidate } from '../../../src/core/review/exclude';

const base: ReviewCandidate = {
	path: 'src/app.py',
	languageId: 'python',
	size: 120,
	text: 'def main():\n    print("hi")\n',
	mode: 'workspace',
	isExerciseFile: false,
	languages: [],
	exclude: [],
	maxBytes: defaultMaxBytes,
};
const decide = (over: Partial<ReviewCandidate>) => shouldReview({ ...base, ...over });

describe('Review exclusions', () => {
	it('reviews ordinary source files', () => {
		assert.deepEqual(decide({}), { review: true });
		assert.deepEqual(decide({ path: 'web/index.ts', languageId: 'typescript', text: 'export const x = 1;\n' }), { review: true });
	});

	const never: [string, Partial<ReviewCandidate>, string][] = [
		['.env', { path: '.env', languageId: 'dotenv', text: 'TOKEN=abc\n' }, 'excluded'],
		['.env.local', { path: 'app/.env.local', languageId: 'dotenv' }, 'excluded'],
		['config/secrets.json', { path: 'config/secrets.json', languageId: 'json' }, 'excluded'],
		['id_rsa', { path: 'keys/id_rsa', languageId: 'plaintext' }, 'excluded'],
		['id_ed25519.pub', { path: 'id_ed25519.pub', languageId: 'plaintext' }, 'excluded'],
		['server.pem', { path: 'certs/server.pem', languageId: 'plaintext' }, 'excluded'],
		['.aws/credentials', { path: '.aws/credentials', languageId: 'ini' }, 'excluded'],
		['.npmrc', { path: '.npmrc', languageId: 'properties' }, 'excluded'],
		['vault.kdbx', { path: 'vault.kdbx', languageId: 'plaintext' }, 'excluded'],
		['node_modules', { path: 'node_modules/lodash/index.js', languageId: 'javascript' }, 'excluded'],
		['nested node_modules', { path: 'web/node_modules/x/a.js', languageId: 'javascript' }, 'excluded'],
		['.git', { path: '.git/config', languageId: 'ini' }, 'excluded'],
		['a PNG', { path: 'media/logo.png', languageId: 'image', text: '\u0089PNG\r\n\u001a\n\u0000\u0000' }, 'excluded'],
		['a lockfile', { path: 'package-lock.json', languageId: 'json' }, 'excluded'],
		['a minified bundle', { path: 'dist/app.min.js', languageId: 'javascript' }, 'excluded'],
		['a 5 MB file', { path: 'data/big.py', size: 5 * 1024 * 1024, text: undefined }, 'too-large'],
		['binary content under a code name', { path: 'src/blob.py', text: 'abc\u0000def' }, 'binary'],
		['a private key pasted in code', { path: 'src/deploy.py', text: 'KEY = """-----BEGIN RSA PRIVATE KEY-----\nMIIE..."""\n' }, 'secret'],
		['an AWS key in code', { path: 'src/s3.py', text: 'key = "AKIAIOSFODNN7EXAMPLE"\n' }, 'secret'],
		['an OpenAI key in code', { path: 'src/bot.js', languageId: 'javascript', text: 'const key = "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t";\n' }, 'secret'],
	];
	for (const [name, over, reason] of never) {
		it(`never reviews ${name}`, () => {
			const decision = decide(over);
			assert.equal(decision.review, false);
			assert.equal(decision.review === false && decision.reason, reason);
		});
	}

	it('does not mistake ordinary code for a secret', () => {
		assert.equal(sniffSecret('import sklearn  # sk-learn-is-great\nmask-token = 1\ntask-runner-config-value-here = 2\n'), undefined);
		assert.deepEqual(decide({ path: 'src/tokenizer.py' }), { review: true });
	});

	it("adds the learner's globs to the defaults, a bare name matching at any depth", () => {
		assert.equal(excludedBy('data/sample.csv', ['*.csv']), '*.csv');
		assert.equal(excludedBy('generated/api.ts', ['generated/**']), 'generated/**');
		assert.equal(excludedBy('src/api.ts', ['generated/**']), undefined);
		// The defaults stay when the learner has globs of their own.
		assert.equal(decide({ path: '.env', exclude: ['*.csv'] }).review, false);
	});

	it('follows the mode and the language list', () => {
		assert.equal(decide({ mode: 'off' }).review, false);
		const notExercise = decide({ mode: 'exercises', isExerciseFile: false });
		assert.equal(notExercise.review === false && notExercise.reason, 'not-exercise');
		assert.deepEqual(decide({ mode: 'exercises', isExerciseFile: true }), { review: true });
		const language = decide({ languages: ['javascript'] });
		assert.equal(language.review === false && language.reason, 'language');
		assert.deepEqual(decide({ languages: ['python', 'javascript'] }), { review: true });
	});

	it('measures the text, not only the reported size, against maxBytes', () => {
		const decision = decide({ size: 10, maxBytes: 1024, text: 'x = 1\n'.repeat(400) });
		assert.equal(decision.review === false && decision.reason, 'too-large');
	});
});
