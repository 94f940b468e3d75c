// Reads a checkout of an Exercism language track (a clone of exercism/python or
// exercism/javascript) as an exercise source. The track's config.json alone gives the summaries;
// an exercise's .meta/config.json, .docs/ and files are read only when it is loaded. Mapping:
// files.solution → starter, files.test → tests, files.example/exemplar → reference (renamed onto the
// solution paths), files.editor → support; difficulty 1–10 → beginner/easy/medium/hard.
import * as path from 'node:path';
import * as z from 'zod';
import type { Difficulty, Exercise, ExerciseFile, ExerciseLanguage, ExerciseSummary } from './model';
import {
	listFiles,
	problemAt,
	readJsonFile,
	readOptional,
	relativePath,
	slugOf,
	SourceError,
	unknownExercise,
	validateJson,
} from './pack';
import type { LoadedSource, SourceFs, SourceProblem } from './sources';

const fileList = z.array(z.string().min(1));

// Exercism names more keys (invalidator, …); these are the ones that say where the code is.
const filesSchema = z.object({
	solution: fileList.optional(),
	test: fileList.optional(),
	example: fileList.optional(),
	exemplar: fileList.optional(),
	editor: fileList.optional(),
});
type FileKey = keyof z.output<typeof filesSchema>;

const trackConfigSchema = z.object({
	language: z.string().min(1),
	slug: z.string().min(1),
	/** Patterns (`%{snake_slug}.py`) that configlet fills into exercises whose own lists are empty. */
	files: filesSchema.optional(),
	exercises: z.object({
		concept: z.array(z.unknown()).default([]),
		practice: z.array(z.unknown()).default([]),
	}),
});

const conceptList = z.array(z.string().min(1)).default([]);

const conceptEntrySchema = z.object({
	slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a kebab-case slug' }),
	name: z.string().min(1).optional(),
	uuid: z.string().optional(),
	// Concept exercises have none in the real tracks; practice exercises must (as configlet checks).
	difficulty: z.number().int().min(1).max(10).optional(),
	practices: conceptList,
	prerequisites: conceptList,
	concepts: conceptList,
	status: z.string().optional(),
});
const practiceEntrySchema = conceptEntrySchema.extend({ difficulty: z.number().int().min(1).max(10) });
type TrackEntry = z.output<typeof conceptEntrySchema>;

const exerciseConfigSchema = z.object({ files: filesSchema.default({}) });

type ExerciseKind = 'concept' | 'practice';

const supportedTracks: ReadonlyMap<string, ExerciseLanguage> = new Map([
	['python', 'python'],
	['javascript', 'javascript'],
]);

/** Exercism's own run time budget is a few seconds; this leaves room for a slow first Python start. */
const timeLimitSeconds = 10;

/** Whether a parsed config.json is a track config (rather than some other tool's config.json). */
export function isTrackConfig(value: unknown): boolean {
	if (value === null || typeof value !== 'object') {
		return false;
	}
	const exercises = (value as { exercises?: unknown }).exercises;
	if (exercises === null || typeof exercises !== 'object') {
		return false;
	}
	const { concept, practice } = exercises as { concept?: unknown; practice?: unknown };
	return Array.isArray(concept) || Array.isArray(practice);
}

/** Exercism's 1–10 onto CodeMentor's four levels. */
export function mapDifficulty(difficulty: number): Difficulty {
	if (difficulty <= 2) {
		return 'beginner';
	}
	if (difficulty <= 4) {
		return 'easy';
	}
	return difficulty <= 7 ? 'medium' : 'hard';
}

interface ExerciseEntry {
	readonly kind: ExerciseKind;
	readonly folder: string;
	readonly summary: ExerciseSummary;
}

export async function readExercismTrack(root: string, config: unknown, options: { readonly id?: string; readonly fs: SourceFs }): Promise<LoadedSource> {
	const { fs } = options;
	const configFile = path.join(root, 'config.json');
	const track = validateJson(trackConfigSchema, config, root, configFile);
	if (!track.ok) {
		throw new SourceError(track.problems[0]!);
	}
	const trackSlug = track.value.slug.toLowerCase();
	const id = options.id ?? `exercism-${trackSlug}`;
	const title = `Exercism: ${track.value.language}`;
	const language = supportedTracks.get(trackSlug) ?? supportedTracks.get(track.value.language.toLowerCase());
	if (!language) {
		const problem = problemAt(root, configFile, `the Exercism ${track.value.language} track is not supported yet (CodeMentor grades Python and JavaScript)`, 'slug');
		return {
			id,
			title,
			kind: 'exercism',
			root,
			summaries: [],
			problems: [problem],
			load: () => Promise.reject(new SourceError(problem)),
		};
	}

	const entries = new Map<string, ExerciseEntry>();
	const broken = new Map<string, SourceProblem[]>();
	const problems: SourceProblem[] = [];
	const report = (slug: unknown, found: readonly SourceProblem[]) => {
		problems.push(...found);
		if (typeof slug === 'string' && !broken.has(slug) && !entries.has(slug)) {
			broken.set(slug, [...found]);
		}
	};
	for (const kind of ['concept', 'practice'] as const) {
		const kindDir = path.join(root, 'exercises', kind);
		const present = new Set(await listFolders(fs, kindDir));
		for (const [index, raw] of track.value.exercises[kind].entries()) {
			const rawSlug = (raw as { slug?: unknown } | null)?.slug;
			if ((raw as { status?: unknown } | null)?.status === 'deprecated') {
				continue; // hidden on exercism.org too; the folder is often still in the checkout
			}
			const field = `exercises.${kind}[${index}]`;
			const parsed = validateJson(kind === 'practice' ? practiceEntrySchema : conceptEntrySchema, raw, root, configFile, field);
			if (!parsed.ok) {
				report(rawSlug, parsed.problems);
				continue;
			}
			const entry = parsed.value;
			const folder = path.join(kindDir, entry.slug);
			if (entries.has(entry.slug)) {
				problems.push(problemAt(root, configFile, `"${entry.slug}" is listed twice; the second entry is skipped`, `${field}.slug`));
				continue;
			}
			if (!present.has(entry.slug)) {
				report(entry.slug, [problemAt(root, folder, `does not exist, but config.json lists it (${field})`)]);
				continue;
			}
			entries.set(entry.slug, { kind, folder, summary: toSummary(id, language, entry) });
		}
	}

	const source: LoadedSource = {
		id,
		title,
		kind: 'exercism',
		root,
		summaries: [...entries.values()].map(entry => entry.summary),
		problems,
		async load(idOrSlug) {
			const slug = slugOf(id, idOrSlug);
			const entry = slug === undefined ? undefined : entries.get(slug);
			if (!entry) {
				const found = slug === undefined ? undefined : broken.get(slug);
				throw found ? new SourceError(found[0]!) : unknownExercise(idOrSlug, source);
			}
			return loadTrackExercise(fs, root, track.value.files ?? {}, entry);
		},
	};
	return source;
}

function toSummary(sourceId: string, language: ExerciseLanguage, entry: TrackEntry): ExerciseSummary {
	return {
		id: `${sourceId}/${entry.slug}`,
		sourceId,
		slug: entry.slug,
		title: entry.name ?? titleFromSlug(entry.slug),
		language,
		concepts: [...new Set([...entry.practices, ...entry.concepts])],
		prerequisites: [...new Set(entry.prerequisites)],
		// Only concept exercises lack one: they teach one concept in guided steps, the gentlest kind there is.
		difficulty: entry.difficulty === undefined ? 'beginner' : mapDifficulty(entry.difficulty),
	};
}

async function listFolders(fs: SourceFs, dir: string): Promise<string[]> {
	try {
		return (await fs.readDirectory(dir)).filter(entry => entry.isDirectory).map(entry => entry.name);
	} catch {
		return []; // a sparse checkout without concept exercises; the entries are reported one by one
	}
}

async function loadTrackExercise(fs: SourceFs, root: string, trackFiles: z.output<typeof filesSchema>, entry: ExerciseEntry): Promise<Exercise> {
	const { folder, summary } = entry;
	const metaFile = path.join(folder, '.meta', 'config.json');
	const read = await readJsonFile(fs, root, metaFile);
	if (!read.ok) {
		throw new SourceError(read.problem);
	}
	const meta = validateJson(exerciseConfigSchema, read.value, root, metaFile);
	if (!meta.ok) {
		throw new SourceError(meta.problems[0]!);
	}

	// An empty list in .meta/config.json means "the track's pattern", as configlet reads it.
	const listed = (key: FileKey): { files: readonly string[]; file: string; field: string } => {
		const own = meta.value.files[key];
		if (own?.length) {
			return { files: own, file: metaFile, field: `files.${key}` };
		}
		const patterns = trackFiles[key] ?? [];
		return { files: patterns.map(pattern => expandSlug(pattern, summary.slug)), file: path.join(root, 'config.json'), field: `files.${key}` };
	};
	const required = (key: 'solution' | 'test', why: string) => {
		const list = listed(key);
		if (list.files.length === 0) {
			throw new SourceError(problemAt(root, metaFile, `lists no files (${why})`, `files.${key}`));
		}
		return list;
	};
	const solution = required('solution', 'the learner needs a file to edit');
	const test = required('test', 'an exercise needs a test file');
	const [first, second] = entry.kind === 'practice' ? (['example', 'exemplar'] as const) : (['exemplar', 'example'] as const);
	const reference = listed(first).files.length > 0 ? listed(first) : listed(second);
	const editor = listed('editor');

	const targets = pairReference(reference.files, solution.files);
	if (targets === undefined) {
		throw new SourceError(
			problemAt(
				root,
				reference.file,
				`lists ${reference.files.length} files but files.solution lists ${solution.files.length}, so it is unclear which solution file each one solves`,
				reference.field,
			),
		);
	}

	const readListed = async (list: { files: readonly string[]; file: string; field: string }): Promise<ExerciseFile[]> =>
		Promise.all(
			list.files.map(async (listedPath, index) => {
				const relative = insideFolder(listedPath);
				if (relative === undefined) {
					throw new SourceError(problemAt(root, list.file, `"${listedPath}" points outside the exercise folder`, `${list.field}[${index}]`));
				}
				const file = path.join(folder, ...relative.split('/'));
				const content = await readOptional(fs, file);
				if (content === undefined) {
					throw new SourceError(problemAt(root, file, `is missing (${relativePath(root, list.file)} lists it in "${list.field}")`));
				}
				return { path: relative, content };
			}),
		);

	const [starterFiles, testFiles, referenceRead, supportFiles, instructions, hints] = await Promise.all([
		readListed(solution),
		readListed(test),
		readListed(reference),
		readListed(editor),
		readInstructions(fs, root, folder),
		readOptional(fs, path.join(folder, '.docs', 'hints.md')),
	]);
	return {
		...summary,
		instructions,
		starterFiles,
		testFiles,
		supportFiles,
		hints: hints === undefined ? [] : parseHints(hints),
		// Renamed onto the solution paths: `.meta/example.py` is what `leap.py` should become.
		referenceFiles: referenceRead.map((file, index) => ({ path: insideFolder(targets[index]!) ?? targets[index]!, content: file.content })),
		timeLimitSeconds,
	};
}

async function readInstructions(fs: SourceFs, root: string, folder: string): Promise<string> {
	const docs = path.join(folder, '.docs');
	const instructionsFile = path.join(docs, 'instructions.md');
	const [introduction, introductionAppend, instructions, instructionsAppend] = await Promise.all(
		['introduction.md', 'introduction.append.md', 'instructions.md', 'instructions.append.md'].map(name => readOptional(fs, path.join(docs, name))),
	);
	if (instructions === undefined) {
		// Tell a broken checkout from a folder that is not an exercise at all.
		const hasDocs = (await listFiles(fs, docs)) !== undefined;
		throw new SourceError(problemAt(root, instructionsFile, hasDocs ? 'is missing' : 'is missing (the exercise has no .docs folder)'));
	}
	return (
		[introduction, introductionAppend, instructions, instructionsAppend]
			.filter((part): part is string => part !== undefined && part.trim() !== '')
			.map(part => part.trim())
			.join('\n\n') + '\n'
	);
}

/**
 * For each reference file, the solution path it solves: the same path without `.meta/`, else the
 * same file name, else the same position. Undefined when the counts differ.
 */
export function pairReference(reference: readonly string[], solution: readonly string[]): string[] | undefined {
	if (reference.length !== solution.length) {
		return reference.length === 0 ? [] : undefined;
	}
	const targets: (string | undefined)[] = new Array(reference.length).fill(undefined);
	const remaining = new Set(solution);
	const claim = (match: (file: string, target: string) => boolean) => {
		for (const [index, file] of reference.entries()) {
			if (targets[index] !== undefined) {
				continue;
			}
			const target = [...remaining].find(candidate => match(file, candidate));
			if (target !== undefined) {
				targets[index] = target;
				remaining.delete(target);
			}
		}
	};
	claim((file, target) => file.replace(/^\.meta\//, '') === target);
	claim((file, target) => path.posix.basename(file) === path.posix.basename(target));
	claim(() => true);
	return targets as string[];
}

/** Fills configlet's slug placeholders: `%{snake_slug}.py` → `two_fer.py`. */
export function expandSlug(pattern: string, slug: string): string {
	const words = slug.split('-');
	const pascal = words.map(word => word.charAt(0).toUpperCase() + word.slice(1)).join('');
	return pattern
		.replaceAll('%{kebab_slug}', slug)
		.replaceAll('%{snake_slug}', words.join('_'))
		.replaceAll('%{pascal_slug}', pascal)
		.replaceAll('%{camel_slug}', pascal.charAt(0).toLowerCase() + pascal.slice(1));
}

/** A listed path as a clean relative path with forward slashes; undefined if it escapes the folder. */
function insideFolder(listed: string): string | undefined {
	const normal = path.posix.normalize(listed.replaceAll('\\', '/'));
	if (normal.startsWith('../') || normal === '..' || path.posix.isAbsolute(normal) || /^[a-zA-Z]:/.test(normal)) {
		return undefined;
	}
	return normal.replace(/^\.\//, '');
}

function titleFromSlug(slug: string): string {
	return slug
		.split('-')
		.map(word => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

/**
 * The bullet items of an Exercism hints.md, in order, one hint each. The tracks write links in
 * reference style (`[the docs][python-docs]` with the URLs at the bottom); they are made inline so
 * each hint still links correctly on its own.
 */
export function parseHints(markdown: string): string[] {
	const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
	const definitions = new Map<string, string>();
	const definition = /^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?/;
	for (const line of lines) {
		const match = definition.exec(line);
		if (match) {
			definitions.set(match[1]!.toLowerCase(), match[2]!);
		}
	}

	const hints: string[][] = [];
	let current: string[] | undefined;
	let blank = false;
	let fenced = false;
	// Belongs to the current item: the next line of a paragraph, or an indented block after a blank line.
	const continues = (line: string) => current !== undefined && (!blank || /^\s/.test(line));
	const append = (line: string) => {
		if (blank) {
			current!.push('');
		}
		current!.push(line.replace(/^ {1,4}/, ''));
		blank = false;
	};
	for (const line of lines) {
		const fence = /^\s*(```|~~~)/.test(line);
		if (fenced || fence) {
			// code inside an item belongs to it; a bullet inside code is not a hint
			if (!fenced && !continues(line)) {
				current = undefined;
			}
			if (current) {
				append(line);
			}
			fenced = fence ? !fenced : fenced;
			continue;
		}
		const bullet = /^ ?[-*+]\s+(.*)$/.exec(line);
		if (bullet) {
			current = [bullet[1]!];
			hints.push(current);
			blank = false;
		} else if (line.trim() === '') {
			blank = current !== undefined;
		} else if (!/^\s*#/.test(line) && !definition.test(line) && continues(line)) {
			append(line);
		} else {
			current = undefined;
			blank = false;
		}
	}
	return hints.map(item => inlineLinks(item.join('\n').trim(), definitions)).filter(hint => hint !== '');
}

function inlineLinks(text: string, definitions: ReadonlyMap<string, string>): string {
	return text
		.replace(/\[([^\]]+)\]\[([^\]]*)\]/g, (whole, label: string, ref: string) => {
			const url = definitions.get((ref || label).toLowerCase());
			return url ? `[${label}](${url})` : whole;
		})
		.replace(/\[([^\]]+)\](?![[(:])/g, (whole, label: string) => {
			const url = definitions.get(label.toLowerCase());
			return url ? `[${label}](${url})` : whole;
		});
}
