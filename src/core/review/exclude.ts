// Which saved files review on save may send to a model, decided before any text leaves the
// machine: the mode and language settings, default exclude globs for secrets, keys, dependencies,
// VCS data and binaries (the learner's globs are added, never replacing them), a size limit, and
// two content sniffs (NUL bytes, credential shapes). Anything this says no to is never sent.
import picomatch from 'picomatch';

export type ReviewMode = 'off' | 'exercises' | 'workspace';

export const defaultMaxBytes = 200 * 1024;

/** Env files, keys, certificates and credential stores: sending them would leak a secret. */
export const secretGlobs: readonly string[] = [
	'**/.env*',
	'**/*.env',
	'**/*.pem',
	'**/*.key',
	'**/*.p12',
	'**/*.pfx',
	'**/*.crt',
	'**/*.cer',
	'**/*.der',
	'**/*.csr',
	'**/*.jks',
	'**/*.keystore',
	'**/*.ppk',
	'**/*.asc',
	'**/*.gpg',
	'**/*.pgp',
	'**/id_rsa*',
	'**/id_dsa*',
	'**/id_ecdsa*',
	'**/id_ed25519*',
	'**/.ssh/**',
	// Files named like secrets, not code that is about them (Exercism's secret_handshake.py stays reviewable).
	'**/*secret*.{json,yaml,yml,toml,ini,env,txt,conf,cfg,properties,xml}',
	'**/secret',
	'**/secrets',
	'**/secret/**',
	'**/secrets/**',
	'**/*credential*',
	'**/*credential*/**',
	'**/.npmrc',
	'**/.yarnrc*',
	'**/.pypirc',
	'**/.netrc',
	'**/_netrc',
	'**/.git-credentials',
	'**/.htpasswd',
	'**/.aws/**',
	'**/.azure/**',
	'**/.kube/**',
	'**/.docker/config.json',
	'**/*.kdbx',
	'**/*.keychain*',
	'**/*.tfstate*',
	'**/*.tfvars',
];

/** Dependencies, VCS data and generated caches: not the learner's code. */
export const vendorGlobs: readonly string[] = [
	'**/node_modules/**',
	'**/.git/**',
	'**/.hg/**',
	'**/.svn/**',
	'**/__pycache__/**',
	'**/.venv/**',
	'**/venv/**',
	'**/.tox/**',
	'**/.mypy_cache/**',
	'**/.pytest_cache/**',
	'**/site-packages/**',
];

/** Binaries, media, archives, lockfiles and minified bundles: nothing a tutor can comment on. */
export const binaryGlobs: readonly string[] = [
	'**/*.{png,jpg,jpeg,gif,bmp,ico,icns,webp,tif,tiff,psd,heic,avif}',
	'**/*.{zip,tar,gz,tgz,bz2,xz,zst,7z,rar,jar,war,ear,whl,egg,nupkg,vsix}',
	'**/*.{exe,dll,so,dylib,bin,o,a,obj,lib,class,pyc,pyo,pyd,wasm,node,out,app,msi,dmg,iso,img}',
	'**/*.{mp3,mp4,m4a,wav,ogg,flac,mov,avi,mkv,webm,pdf,doc,docx,xls,xlsx,ppt,pptx}',
	'**/*.{woff,woff2,ttf,otf,eot}',
	'**/*.{sqlite,sqlite3,db,pickle,pkl,npy,npz,parquet,h5}',
	'**/*.{min.js,min.css,map}',
	'**/{package-lock.json,npm-shrinkwrap.json,yarn.lock,pnpm-lock.yaml,poetry.lock,Pipfile.lock,uv.lock,Cargo.lock,composer.lock,Gemfile.lock,bun.lockb}',
];

export const defaultExcludeGlobs: readonly string[] = [...secretGlobs, ...vendorGlobs, ...binaryGlobs];

export type SkipReason = 'off' | 'not-exercise' | 'language' | 'excluded' | 'too-large' | 'binary' | 'secret';

export type ReviewDecision = { readonly review: true } | { readonly review: false; readonly reason: SkipReason; readonly detail: string };

export interface ReviewCandidate {
	/** Workspace-relative, forward slashes. */
	readonly path: string;
	readonly languageId: string;
	/** Bytes on disk (or of the saved text). */
	readonly size: number;
	/** When given, sniffed for binary content and credentials. */
	readonly text?: string;
	readonly mode: ReviewMode;
	readonly isExerciseFile: boolean;
	/** Language ids to review; empty means every language. */
	readonly languages: readonly string[];
	/** The learner's globs, added to the defaults. */
	readonly exclude: readonly string[];
	readonly maxBytes: number;
}

// Credential shapes worth refusing a file for. Deliberately narrower than log redaction: a false
// positive here silently stops reviews of a learner's file, so each needs a distinctive prefix.
const secretContent: readonly { readonly pattern: RegExp; readonly what: string }[] = [
	{ pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/, what: 'a private key' },
	{ pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, what: 'an AWS access key' },
	{ pattern: /aws_secret_access_key\s*[=:]\s*["']?[A-Za-z0-9/+]{40}\b/i, what: 'an AWS secret key' },
	// OpenAI / Anthropic style keys; real ones always mix in digits, prose like "sk-learn" does not.
	{ pattern: /\bsk-(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{20,}/, what: 'an API key' },
	{ pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/, what: 'a GitHub token' },
	{ pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/, what: 'a Slack token' },
	{ pattern: /\bAIza[0-9A-Za-z_-]{35}\b/, what: 'a Google API key' },
];

/** What kind of credential the text appears to contain, if any. */
export function sniffSecret(text: string): string | undefined {
	return secretContent.find(s => s.pattern.test(text))?.what;
}

/** True when the text holds a NUL byte near its start, as binary files do and source files do not. */
export function looksBinary(text: string): boolean {
	return text.slice(0, 8192).includes('\u0000');
}

const matcherCache = new Map<string, (path: string) => boolean>();

function matcherFor(glob: string): (path: string) => boolean {
	let matcher = matcherCache.get(glob);
	if (!matcher) {
		// A glob without a slash matches a file name at any depth, as in .gitignore: `*.csv`
		// should not need `**/`. Case-insensitive, because `ID_RSA` or `Secrets.JSON` leak just the same.
		matcher = picomatch(glob, { dot: true, nocase: true, basename: !glob.includes('/') });
		matcherCache.set(glob, matcher);
	}
	return matcher;
}

/** The first glob (defaults, then the learner's) that matches the path. */
export function excludedBy(path: string, userGlobs: readonly string[] = []): string | undefined {
	const normalized = path.replace(/\\/g, '/').replace(/^\.\//, '');
	return [...defaultExcludeGlobs, ...userGlobs.filter(g => g.trim() !== '')].find(glob => matcherFor(glob)(normalized));
}

export function shouldReview(candidate: ReviewCandidate): ReviewDecision {
	const skip = (reason: SkipReason, detail: string): ReviewDecision => ({ review: false, reason, detail });
	if (candidate.mode === 'off') {
		return skip('off', 'Review on save is off.');
	}
	if (candidate.mode === 'exercises' && !candidate.isExerciseFile) {
		return skip('not-exercise', 'Only exercise files are reviewed.');
	}
	const glob = excludedBy(candidate.path, candidate.exclude);
	if (glob) {
		return skip('excluded', `The file matches the exclude pattern "${glob}".`);
	}
	if (candidate.languages.length > 0 && !candidate.languages.includes(candidate.languageId)) {
		return skip('language', `Files in ${candidate.languageId} are not reviewed.`);
	}
	const size = candidate.text === undefined ? candidate.size : Math.max(candidate.size, Buffer.byteLength(candidate.text));
	if (size > candidate.maxBytes) {
		return skip('too-large', `The file is larger than ${Math.round(candidate.maxBytes / 1024)} KB.`);
	}
	if (candidate.text !== undefined) {
		if (looksBinary(candidate.text)) {
			return skip('binary', 'The file looks binary.');
		}
		const secret = sniffSecret(candidate.text);
		if (secret) {
			return skip('secret', `The file appears to contain ${secret}, so it is not sent.`);
		}
	}
	return { review: true };
}
