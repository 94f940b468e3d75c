// The exercise pack format of docs/exercise-format.md: the zod schemas of pack.json and
// exercise.json, and the pack reader behind loadSource(). Also owns the file helpers the Exercism
// reader shares: JSON read with line/column on syntax errors, zod issues turned into field paths,
// and SourceError, the UserFacingError that carries the problem (file + field) it reports.
import * as path from 'node:path';
import * as z from 'zod';
import { UserFacingError } from '../errors';
import type { Difficulty, Exercise, ExerciseFile, ExerciseSummary } from './model';
import type { LoadedSource, SourceDirEntry, SourceFs, SourceProblem } from './sources';
import { mapLimit } from '../async';

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const conceptIdSchema = z.string().regex(kebabCase, { error: 'must be a kebab-case concept id like "higher-order-functions"' });

export const packManifestSchema = z.object({
	/** Defaults to the folder name; `loadSource(dir, { id })` overrides both. */
	id: z.string().regex(kebabCase, { error: 'must be kebab-case, like "my-pack"' }).optional(),
	title: z.string().trim().min(1),
	description: z.string().optional(),
	/** "required": starting one of the pack's exercises turns on Learning Mode (no AI completions). */
	learningMode: z.enum(['required', 'optional']).default('optional'),
});

export const difficulties = ['beginner', 'easy', 'medium', 'hard'] as const satisfies readonly Difficulty[];

export const exerciseMetaSchema = z.object({
	title: z.string().trim().min(1),
	language: z.enum(['python', 'javascript']),
	concepts: z.array(conceptIdSchema).min(1),
	prerequisites: z.array(conceptIdSchema).default([]),
	difficulty: z.enum(difficulties),
	hints: z.array(z.string().trim().min(1)).min(1),
	timeLimitSeconds: z.number().min(1).max(60).default(10),
});

export type PackManifest = z.output<typeof packManifestSchema>;
export type ExerciseMeta = z.output<typeof exerciseMetaSchema>;

/** A UserFacingError about one file of a source; `problem` says which file and field. */
export class SourceError extends UserFacingError {
	constructor(
		readonly problem: SourceProblem,
		options?: { cause?: unknown },
	) {
		super(problem.message, [], options);
		this.name = 'SourceError';
	}
}

// ---- shared file helpers ------------------------------------------------------------------------

/** `file` relative to `root` with forward slashes, as messages show it. */
export function relativePath(root: string, file: string): string {
	return path.relative(root, file).split(path.sep).join('/') || path.basename(file);
}

/** A problem whose message starts with the file's path relative to the source root. */
export function problemAt(root: string, file: string, detail: string, field?: string): SourceProblem {
	const where = field ? `${relativePath(root, file)}: field "${field}"` : relativePath(root, file);
	return field ? { file, field, message: `${where}: ${detail}` } : { file, message: `${where}: ${detail}` };
}

export function isMissing(error: unknown): boolean {
	const code = (error as { code?: unknown } | undefined)?.code;
	return code === 'ENOENT' || code === 'ENOTDIR';
}

/** The file's text, or undefined when it does not exist. */
export async function readOptional(fs: SourceFs, file: string): Promise<string | undefined> {
	try {
		return await fs.readFile(file);
	} catch (error) {
		if (isMissing(error)) {
			return undefined;
		}
		throw error;
	}
}

export type JsonRead = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly missing: boolean; readonly problem: SourceProblem };

/** Reads and parses a JSON file; a syntax error is reported with its line and column. */
export async function readJsonFile(fs: SourceFs, root: string, file: string): Promise<JsonRead> {
	let text: string | Error;
	try {
		text = await fs.readFile(file);
	} catch (error) {
		text = toError(error);
	}
	return jsonFromText(root, file, text);
}

/** Like readJsonFile, for a file already read (its text, or the error reading it). */
export function jsonFromText(root: string, file: string, text: string | Error): JsonRead {
	if (typeof text !== 'string') {
		return isMissing(text)
			? { ok: false, missing: true, problem: problemAt(root, file, 'is missing') }
			: { ok: false, missing: false, problem: problemAt(root, file, `cannot be read (${text.message})`) };
	}
	const parsed = parseJson(text);
	return 'value' in parsed
		? { ok: true, value: parsed.value }
		: { ok: false, missing: false, problem: problemAt(root, file, parsed.error) };
}

function toError(error: unknown): Error {
	return error instanceof Error ? error : new Error(String(error));
}

/** JSON.parse, with a syntax error turned into a line and column the author can jump to. */
export function parseJson(text: string): { readonly value: unknown } | { readonly error: string } {
	const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // editors on Windows add a BOM
	if (source.trim() === '') {
		return { error: 'is empty (expected JSON)' };
	}
	try {
		return { value: JSON.parse(source) };
	} catch (error) {
		const found = findJsonError(source) ?? { offset: source.length, reason: lowerFirst(error instanceof Error ? error.message : String(error)) };
		const before = source.slice(0, found.offset);
		const line = before.split('\n').length;
		const column = found.offset - before.lastIndexOf('\n');
		return { error: `invalid JSON at line ${line}, column ${column}: ${found.reason}` };
	}
}

class JsonStop {
	constructor(
		readonly reason: string,
		readonly offset: number,
	) {}
}

// V8 says where a JSON error is only for some errors ("Unexpected token ']', ..." has no position),
// so a small scanner finds the first offending character itself. Runs only after JSON.parse failed.
function findJsonError(text: string): { offset: number; reason: string } | undefined {
	let i = 0;
	// At the end of the text every error is the same one.
	const stop = (reason: string) => new JsonStop(i >= text.length ? 'unexpected end of file' : reason, i);
	const got = () => `, got ${JSON.stringify(text[i])}`;
	const space = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i]!)) {
			i++;
		}
	};
	const string = () => {
		i++; // the opening quote
		while (i < text.length && text[i] !== '"') {
			const code = text.charCodeAt(i);
			if (code < 0x20) {
				throw stop(code === 10 ? 'a string is not closed before the end of the line' : 'a control character must be escaped inside a string');
			}
			if (text[i] === '\\') {
				const escape = /^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(text.slice(i + 1, i + 6));
				if (!escape) {
					throw stop('invalid escape in a string');
				}
				i += escape[0].length;
			}
			i++;
		}
		if (i >= text.length) {
			throw stop('a string is not closed before the end of the file');
		}
		i++;
	};
	// Both containers: values separated by commas up to `close`; objects' values come after "name":.
	const container = (close: '}' | ']', member: () => void) => {
		i++;
		space();
		if (text[i] === close) {
			i++;
			return;
		}
		for (;;) {
			member();
			space();
			if (text[i] === ',') {
				i++;
			} else if (text[i] === close) {
				i++;
				return;
			} else {
				throw stop(`expected "," or "${close}"${got()}`);
			}
		}
	};
	const property = () => {
		space();
		if (text[i] !== '"') {
			throw stop(`expected a property name in double quotes${got()}`);
		}
		string();
		space();
		if (text[i] !== ':') {
			throw stop(`expected ":" after the property name${got()}`);
		}
		i++;
		value();
	};
	const value = (): void => {
		space();
		const c = text[i];
		if (c === '{') {
			return container('}', property);
		}
		if (c === '[') {
			return container(']', value);
		}
		if (c === '"') {
			return string();
		}
		const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
		if (!literal) {
			throw stop(`unexpected ${JSON.stringify(c)}`);
		}
		i += literal[0].length;
	};
	try {
		value();
		space();
		if (i < text.length) {
			throw stop(`unexpected ${JSON.stringify(text[i])} after the end of the JSON value`);
		}
	} catch (error) {
		if (error instanceof JsonStop) {
			return { offset: error.offset, reason: error.reason };
		}
		throw error;
	}
	return undefined;
}

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly SourceProblem[] };

/** Checks parsed JSON against a schema; each violation becomes a problem naming its field path. */
export function validateJson<S extends z.ZodType>(schema: S, value: unknown, root: string, file: string, fieldPrefix = ''): Validated<z.output<S>> {
	const result = schema.safeParse(value);
	if (result.success) {
		return { ok: true, value: result.data };
	}
	return {
		ok: false,
		problems: result.error.issues.map(issue => {
			const field = joinFieldPath(fieldPrefix, issue.path);
			return problemAt(root, file, describeIssue(issue, valueAt(value, issue.path)), field || undefined);
		}),
	};
}

/** `exercises.practice[3].difficulty` from a prefix and a zod path. */
export function joinFieldPath(prefix: string, segments: readonly PropertyKey[]): string {
	let out = prefix;
	for (const segment of segments) {
		out += typeof segment === 'number' ? `[${segment}]` : out ? `.${String(segment)}` : String(segment);
	}
	return out;
}

function valueAt(value: unknown, segments: readonly PropertyKey[]): unknown {
	let current = value;
	for (const segment of segments) {
		if (current === null || typeof current !== 'object') {
			return undefined;
		}
		current = (current as Record<PropertyKey, unknown>)[segment];
	}
	return current;
}

// Zod's own messages ("Invalid option: expected one of \"a\"|\"b\"") are written for developers;
// authors get the expectation, then what the file actually holds.
function describeIssue(issue: z.core.$ZodIssue, actual: unknown): string {
	const got = `, got ${describeValue(actual)}`;
	if (actual === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
		const expected = issue.code === 'invalid_value' ? `one of ${issue.values.map(String).join('|')}` : issue.expected;
		return `is required (expected ${expected})`;
	}
	switch (issue.code) {
		case 'invalid_type':
			return `expected ${issue.expected}${got}`;
		case 'invalid_value':
			return `expected one of ${issue.values.map(String).join('|')}${got}`;
		case 'too_small':
			if (issue.origin === 'array') {
				return `needs at least ${String(issue.minimum)} ${Number(issue.minimum) === 1 ? 'item' : 'items'}`;
			}
			if (issue.origin === 'string') {
				return Number(issue.minimum) === 1 ? 'must not be empty' : `must be at least ${String(issue.minimum)} characters long`;
			}
			return `must be at least ${String(issue.minimum)}${got}`;
		case 'too_big':
			if (issue.origin === 'array') {
				return `has more than ${String(issue.maximum)} items`;
			}
			return `must be at most ${String(issue.maximum)}${got}`;
		case 'invalid_format':
			return `${issue.message}${got}`;
		default:
			return `${lowerFirst(issue.message)}${got}`;
	}
}

function describeValue(value: unknown): string {
	if (value === null) {
		return 'null';
	}
	if (Array.isArray(value)) {
		return 'an array';
	}
	if (typeof value === 'string') {
		return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
	}
	if (typeof value === 'object') {
		return 'an object';
	}
	return String(value);
}

function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}

// Editor and tool droppings that are never part of an exercise.
const ignoredNames = new Set(['__pycache__', 'node_modules']);

function isIgnored(name: string): boolean {
	return name.startsWith('.') || ignoredNames.has(name);
}

/** Relative paths (forward slashes, sorted) of every file under `dir`; undefined if `dir` does not exist. */
export async function listFiles(fs: SourceFs, dir: string): Promise<string[] | undefined> {
	let entries;
	try {
		entries = await fs.readDirectory(dir);
	} catch (error) {
		if (isMissing(error)) {
			return undefined;
		}
		throw error;
	}
	const out: string[] = [];
	for (const entry of entries) {
		if (isIgnored(entry.name)) {
			continue;
		}
		if (entry.isDirectory) {
			const nested = (await listFiles(fs, path.join(dir, entry.name))) ?? [];
			out.push(...nested.map(file => `${entry.name}/${file}`));
		} else {
			out.push(entry.name);
		}
	}
	return out.sort();
}

/** The slug of "<sourceId>/<slug>" (or of a bare slug); undefined if the id names another source. */
export function slugOf(sourceId: string, idOrSlug: string): string | undefined {
	if (idOrSlug.startsWith(`${sourceId}/`)) {
		return idOrSlug.slice(sourceId.length + 1);
	}
	return idOrSlug.includes('/') ? undefined : idOrSlug;
}

export function unknownExercise(idOrSlug: string, source: { readonly title: string }): UserFacingError {
	return new UserFacingError(`There is no exercise "${idOrSlug}" in ${source.title}.`);
}

// ---- the pack reader ----------------------------------------------------------------------------

interface PackEntry {
	readonly summary: ExerciseSummary;
	readonly meta: ExerciseMeta;
}

/** Reads pack.json and every `<slug>/exercise.json`; the exercises' other files wait for load(). */
export async function readPack(root: string, options: { readonly id?: string; readonly fs: SourceFs; readonly entries?: readonly SourceDirEntry[] }): Promise<LoadedSource> {
	const { fs } = options;
	const manifestFile = path.join(root, 'pack.json');
	const read = await readJsonFile(fs, root, manifestFile);
	if (!read.ok) {
		throw new SourceError(read.problem);
	}
	const manifest = validateJson(packManifestSchema, read.value, root, manifestFile);
	if (!manifest.ok) {
		throw new SourceError(manifest.problems[0]!);
	}
	const id = options.id ?? manifest.value.id ?? toKebab(path.basename(root));
	const title = manifest.value.title;

	const folders = (options.entries ?? (await fs.readDirectory(root)))
		.filter(entry => entry.isDirectory && !entry.name.startsWith('_') && !isIgnored(entry.name))
		.map(entry => entry.name)
		.sort();
	// Summaries only need exercise.json: thousands of small reads, so the batch path when there is one.
	const metaFiles = folders.map(slug => path.join(root, slug, 'exercise.json'));
	const texts = fs.readFiles
		? await fs.readFiles(metaFiles, root)
		: await mapLimit(metaFiles, 128, file => fs.readFile(file).catch((error: unknown) => toError(error)));
	const results = folders.map((slug, index) => readEntry(root, id, slug, texts[index]!));

	const entries = new Map<string, PackEntry>();
	const broken = new Map<string, readonly SourceProblem[]>();
	for (const [index, result] of results.entries()) {
		if ('problems' in result) {
			broken.set(folders[index]!, result.problems);
		} else {
			entries.set(result.summary.slug, result);
		}
	}

	const source: LoadedSource = {
		id,
		title,
		kind: 'pack',
		root,
		requiresLearningMode: manifest.value.learningMode === 'required',
		summaries: [...entries.values()].map(entry => entry.summary),
		problems: [...broken.values()].flat(),
		async load(idOrSlug) {
			const slug = slugOf(id, idOrSlug);
			const entry = slug === undefined ? undefined : entries.get(slug);
			if (!entry) {
				const problems = slug === undefined ? undefined : broken.get(slug);
				throw problems ? new SourceError(problems[0]!) : unknownExercise(idOrSlug, source);
			}
			return loadPackExercise(fs, root, entry);
		},
	};
	return source;
}

function readEntry(root: string, sourceId: string, slug: string, text: string | Error): PackEntry | { problems: readonly SourceProblem[] } {
	const folder = path.join(root, slug);
	if (!kebabCase.test(slug)) {
		return { problems: [problemAt(root, folder, 'the folder name is the exercise slug and must be kebab-case, like "two-sum" (start it with "_" to keep it out of the pack)')] };
	}
	const file = path.join(folder, 'exercise.json');
	const read = jsonFromText(root, file, text);
	if (!read.ok) {
		const problem = read.missing
			? problemAt(root, file, 'is missing: every folder of a pack is an exercise (start a folder name with "_" to keep it out)')
			: read.problem;
		return { problems: [problem] };
	}
	const meta = validateJson(exerciseMetaSchema, read.value, root, file);
	if (!meta.ok) {
		return { problems: meta.problems };
	}
	const { title, language, concepts, prerequisites, difficulty } = meta.value;
	return {
		meta: meta.value,
		summary: { id: `${sourceId}/${slug}`, sourceId, slug, title, language, concepts, prerequisites, difficulty },
	};
}

async function loadPackExercise(fs: SourceFs, root: string, entry: PackEntry): Promise<Exercise> {
	const folder = path.join(root, entry.summary.slug);
	const fail = (file: string, detail: string) => new SourceError(problemAt(root, file, detail));

	const instructionsFile = path.join(folder, 'instructions.md');
	const instructions = await readOptional(fs, instructionsFile);
	if (instructions === undefined) {
		throw fail(instructionsFile, 'is missing: every exercise needs instructions for the learner');
	}
	if (instructions.trim() === '') {
		throw fail(instructionsFile, 'is empty: every exercise needs instructions for the learner');
	}

	const [starter, tests, reference, support] = await Promise.all(
		(['starter', 'tests', 'reference', 'support'] as const).map(name => listFiles(fs, path.join(folder, name))),
	);
	if (!starter?.length) {
		throw fail(path.join(folder, 'starter'), `${starter ? 'is empty' : 'is missing'}: it holds the files the learner starts from`);
	}
	if (!tests?.length) {
		throw fail(path.join(folder, 'tests'), `${tests ? 'is empty' : 'is missing'}: an exercise needs at least one test file`);
	}
	if (!reference) {
		throw fail(path.join(folder, 'reference'), 'is missing: it holds the reference solution, with the same files as starter/');
	}
	const inReference = new Set(reference);
	const inStarter = new Set(starter);
	for (const file of starter) {
		if (!inReference.has(file)) {
			throw fail(path.join(folder, 'starter', file), `has no reference/${file} (reference/ must hold the same files as starter/)`);
		}
	}
	for (const file of reference) {
		if (!inStarter.has(file)) {
			throw fail(path.join(folder, 'reference', file), `has no starter/${file} (reference/ must hold the same files as starter/)`);
		}
	}
	// starter/, tests/ and support/ are copied into one folder when the exercise starts.
	const owner = new Map<string, string>();
	for (const [dir, files] of [['starter', starter], ['tests', tests], ['support', support ?? []]] as const) {
		for (const file of files) {
			const first = owner.get(file);
			if (first) {
				throw fail(path.join(folder, dir, file), `has the same name as ${first}/${file}, and they are copied into one folder when the exercise starts`);
			}
			owner.set(file, dir);
		}
	}

	const readAll = (dir: string, files: readonly string[]): Promise<ExerciseFile[]> =>
		Promise.all(files.map(async file => ({ path: file, content: await fs.readFile(path.join(folder, dir, ...file.split('/'))) })));
	const [starterFiles, testFiles, referenceFiles, supportFiles] = await Promise.all([
		readAll('starter', starter),
		readAll('tests', tests),
		readAll('reference', reference),
		readAll('support', support ?? []),
	]);
	return {
		...entry.summary,
		instructions,
		starterFiles,
		testFiles,
		supportFiles,
		hints: entry.meta.hints,
		referenceFiles,
		timeLimitSeconds: entry.meta.timeLimitSeconds,
	};
}

function toKebab(name: string): string {
	return (
		name
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'pack'
	);
}
