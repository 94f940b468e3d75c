// The exercise catalog: every configured source (the built-in pack, Exercism checkouts, other
// packs) behind one list. Each source is loaded once, on first use, and reloaded on its own when
// its folder changes. Also owns search and the groupings the Exercises tree shows
// (source → group → exercise; the full exercise is read only when one is opened).
import * as path from 'node:path';
import { errorMessage, UserFacingError } from '../errors';
import { nullLogger, type Logger } from '../log';
import type { Difficulty, Exercise, ExerciseLanguage, ExerciseSummary } from './model';
import type { ExerciseQuery } from './service';
import { loadSource, type LoadedSource, type LoadSourceOptions, type SourceProblem } from './sources';

/** Produces one source; `key` identifies it across reloads and settings changes. */
export interface SourceLoader {
	/** For folder sources, the absolute folder. */
	readonly key: string;
	load(): Promise<LoadedSource>;
}

/** A loader for a pack or track folder (the built-in pack, an entry of `codementor.exercises.sources`). */
export function folderSource(dir: string, options?: LoadSourceOptions): SourceLoader {
	const key = path.resolve(dir);
	return { key, load: () => loadSource(key, options) };
}

/** One configured source as the tree shows it: loaded, or failed as a whole (folder missing, not a pack…). */
export type CatalogSource =
	| { readonly key: string; readonly status: 'loaded'; readonly source: LoadedSource }
	| { readonly key: string; readonly status: 'failed'; readonly error: Error };

export type GroupBy = 'concept' | 'language' | 'difficulty' | 'source';

export interface ExerciseGroup {
	readonly by: GroupBy;
	/** Concept id, language, difficulty or source id; '' for exercises that name no concept. */
	readonly key: string;
	readonly label: string;
	readonly summaries: readonly ExerciseSummary[];
}

type Listener = (key: string) => void;

export class ExerciseCatalog {
	private loaders: readonly SourceLoader[];
	private readonly loaded = new Map<string, Promise<CatalogSource>>();
	private readonly listeners = new Set<Listener>();
	// Titles of sources seen so far, so group() can label source groups without awaiting.
	private readonly titles = new Map<string, string>();

	constructor(
		loaders: Iterable<SourceLoader>,
		private readonly logger: Logger = nullLogger,
	) {
		this.loaders = uniqueByKey([...loaders]);
	}

	/** The configured sources' keys, in order, without loading anything. */
	get keys(): readonly string[] {
		return this.loaders.map(loader => loader.key);
	}

	/** Replaces the configured sources (settings changed); a source whose key stays keeps what it loaded. */
	setLoaders(loaders: Iterable<SourceLoader>): void {
		this.loaders = uniqueByKey([...loaders]);
		const keys = new Set(this.keys);
		for (const key of [...this.loaded.keys()]) {
			if (!keys.has(key)) {
				this.loaded.delete(key);
			}
		}
		this.fire('');
	}

	/** Every configured source, in order; loads those not loaded yet (in parallel). */
	async sources(): Promise<readonly CatalogSource[]> {
		const states = await Promise.all(this.loaders.map(loader => this.state(loader)));
		// Exercise ids start with the source id, so two sources with one id would shadow each other.
		const owners = new Map<string, string>();
		return states.map(state => {
			if (state.status !== 'loaded') {
				return state;
			}
			const owner = owners.get(state.source.id);
			if (owner !== undefined) {
				return {
					key: state.key,
					status: 'failed',
					error: new UserFacingError(
						`The exercise source ${state.source.root} has the id "${state.source.id}", which ${owner} already uses; give one of them another id.`,
					),
				};
			}
			owners.set(state.source.id, state.source.root);
			return state;
		});
	}

	/** The source with this key (loading it if needed), or undefined if no such source is configured. */
	async source(key: string): Promise<CatalogSource | undefined> {
		return (await this.sources()).find(state => state.key === key);
	}

	/** Summaries of every loaded source, in source order. */
	async summaries(): Promise<readonly ExerciseSummary[]> {
		return (await this.loadedSources()).flatMap(source => source.summaries);
	}

	async find(query: ExerciseQuery = {}): Promise<readonly ExerciseSummary[]> {
		return findSummaries(await this.summaries(), query);
	}

	async summary(id: string): Promise<ExerciseSummary | undefined> {
		return (await this.summaries()).find(summary => summary.id === id);
	}

	/** The full exercise; throws a UserFacingError naming the id if there is none. */
	async get(id: string): Promise<Exercise> {
		const slash = id.indexOf('/');
		const sourceId = slash > 0 ? id.slice(0, slash) : undefined;
		const source = (await this.loadedSources()).find(candidate => candidate.id === sourceId);
		if (!source) {
			throw new UserFacingError(
				sourceId === undefined
					? `There is no exercise "${id}": exercise ids look like "<source>/<slug>".`
					: `There is no exercise "${id}": no exercise source "${sourceId}" is loaded.`,
			);
		}
		return source.load(id);
	}

	/** Every problem of every source, a source that failed as a whole included. */
	async problems(): Promise<readonly SourceProblem[]> {
		return (await this.sources()).flatMap(state =>
			state.status === 'loaded' ? state.source.problems : [{ file: state.key, message: errorMessage(state.error) }],
		);
	}

	/** Reads this one source again (its folder changed); the others are left as they are. */
	async reload(key: string): Promise<CatalogSource | undefined> {
		const loader = this.loaders.find(candidate => candidate.key === key);
		if (!loader) {
			return undefined;
		}
		this.loaded.delete(key);
		const state = await this.state(loader);
		this.fire(key);
		return state;
	}

	/** The key of the folder source that contains `file`, for a file watcher deciding what to reload. */
	keyFor(file: string): string | undefined {
		const target = path.resolve(file);
		return this.keys
			.filter(key => target === key || target.startsWith(key.endsWith(path.sep) ? key : key + path.sep))
			.sort((a, b) => b.length - a.length)[0];
	}

	/** Fires with the key of a reloaded source, or '' when the list of sources changed. */
	onDidChange(listener: Listener): { dispose(): void } {
		this.listeners.add(listener);
		return { dispose: () => void this.listeners.delete(listener) };
	}

	/** Groups for the tree; source groups are labelled with the sources' titles. */
	group(summaries: readonly ExerciseSummary[], by: GroupBy): readonly ExerciseGroup[] {
		return groupSummaries(summaries, by, this.titles);
	}

	private async loadedSources(): Promise<LoadedSource[]> {
		return (await this.sources()).flatMap(state => (state.status === 'loaded' ? [state.source] : []));
	}

	private state(loader: SourceLoader): Promise<CatalogSource> {
		let state = this.loaded.get(loader.key);
		if (!state) {
			state = this.load(loader);
			this.loaded.set(loader.key, state);
		}
		return state;
	}

	private async load(loader: SourceLoader): Promise<CatalogSource> {
		const started = Date.now();
		try {
			const source = await loader.load();
			this.titles.set(source.id, source.title);
			this.logger.info(`Exercises: ${source.title} (${source.root}): ${source.summaries.length} exercises in ${Date.now() - started} ms`);
			for (const problem of source.problems) {
				this.logger.warn(`Exercises: ${problem.message} (${problem.file})`);
			}
			return { key: loader.key, status: 'loaded', source };
		} catch (error) {
			this.logger.warn(`Exercises: cannot load ${loader.key}`, error);
			return { key: loader.key, status: 'failed', error: error instanceof Error ? error : new Error(errorMessage(error)) };
		}
	}

	private fire(key: string): void {
		for (const listener of [...this.listeners]) {
			try {
				listener(key);
			} catch (error) {
				this.logger.error('Exercises: a catalog listener failed', error);
			}
		}
	}
}

/** The same folder listed twice (say, in user and workspace settings) is one source. */
function uniqueByKey(loaders: readonly SourceLoader[]): SourceLoader[] {
	const byKey = new Map<string, SourceLoader>();
	for (const loader of loaders) {
		if (!byKey.has(loader.key)) {
			byKey.set(loader.key, loader);
		}
	}
	return [...byKey.values()];
}

// ---- search and grouping ------------------------------------------------------------------------

/** "Two-Sum", "two_sum" and "two sum" all read as "two sum". */
function normalise(text: string): string {
	return text.toLowerCase().replace(/[-_\s]+/g, ' ').trim();
}

/** How well a summary matches the search text: lower is better; undefined is no match. */
function rank(summary: ExerciseSummary, text: string): number | undefined {
	const names = [normalise(summary.title), normalise(summary.slug)];
	if (names.includes(text)) {
		return 0;
	}
	if (names.some(name => name.startsWith(text) || name.includes(` ${text}`))) {
		return 1;
	}
	if (names.some(name => name.includes(text))) {
		return 2;
	}
	return summary.concepts.some(concept => normalise(concept).includes(text)) ? 3 : undefined;
}

/** Filters by language and concept, then matches text on title, slug or concept, best matches first. */
export function findSummaries(summaries: readonly ExerciseSummary[], query: ExerciseQuery = {}): ExerciseSummary[] {
	const language = query.language?.toLowerCase();
	const concept = query.concept?.toLowerCase();
	let matches = summaries.filter(
		summary => (!language || summary.language === language) && (!concept || summary.concepts.includes(concept)),
	);
	const text = query.text === undefined ? '' : normalise(query.text);
	if (text) {
		matches = matches
			.map(summary => ({ summary, rank: rank(summary, text) }))
			.filter((match): match is { summary: ExerciseSummary; rank: number } => match.rank !== undefined)
			.sort((a, b) => a.rank - b.rank) // stable: equal ranks keep catalog order
			.map(match => match.summary);
	}
	return query.limit !== undefined && query.limit >= 0 ? matches.slice(0, query.limit) : matches;
}

const difficultyOrder: readonly Difficulty[] = ['beginner', 'easy', 'medium', 'hard'];
const languageLabels: Readonly<Record<ExerciseLanguage, string>> = { python: 'Python', javascript: 'JavaScript' };

export function conceptLabel(concept: string): string {
	const words = concept.replaceAll('-', ' ');
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Groups in the order a learner reads them: concepts alphabetically (exercises naming no concept
 * last, as "Other"), languages and difficulties in their fixed order, sources in catalog order.
 * An exercise appears under every concept it practises. Inside a concept or language group the
 * easier exercises come first; otherwise the source's own order (an Exercism track's is its
 * learning path) is kept. Empty groups are left out.
 */
export function groupSummaries(
	summaries: readonly ExerciseSummary[],
	by: GroupBy,
	sourceTitles: ReadonlyMap<string, string> = new Map(),
): ExerciseGroup[] {
	const buckets = new Map<string, ExerciseSummary[]>();
	const add = (key: string, summary: ExerciseSummary) => {
		const bucket = buckets.get(key);
		if (bucket) {
			bucket.push(summary);
		} else {
			buckets.set(key, [summary]);
		}
	};
	for (const summary of summaries) {
		switch (by) {
			case 'concept':
				if (summary.concepts.length === 0) {
					add('', summary);
				}
				for (const concept of new Set(summary.concepts)) {
					add(concept, summary);
				}
				break;
			case 'language':
				add(summary.language, summary);
				break;
			case 'difficulty':
				add(summary.difficulty, summary);
				break;
			case 'source':
				add(summary.sourceId, summary);
				break;
		}
	}

	let keys = [...buckets.keys()];
	if (by === 'concept') {
		keys = keys.sort((a, b) => (a === '' ? 1 : b === '' ? -1 : conceptLabel(a).localeCompare(conceptLabel(b))));
	} else if (by === 'difficulty') {
		keys = difficultyOrder.filter(key => buckets.has(key));
	} else if (by === 'language') {
		const order = Object.keys(languageLabels);
		keys = keys.sort((a, b) => order.indexOf(a) - order.indexOf(b));
	}
	const byDifficulty = (a: ExerciseSummary, b: ExerciseSummary) => difficultyOrder.indexOf(a.difficulty) - difficultyOrder.indexOf(b.difficulty);

	return keys.map(key => {
		const members = buckets.get(key)!;
		return {
			by,
			key,
			label: labelFor(by, key, sourceTitles),
			summaries: by === 'concept' || by === 'language' ? [...members].sort(byDifficulty) : members,
		};
	});
}

function labelFor(by: GroupBy, key: string, sourceTitles: ReadonlyMap<string, string>): string {
	switch (by) {
		case 'concept':
			return key === '' ? 'Other' : conceptLabel(key);
		case 'language':
			return languageLabels[key as ExerciseLanguage] ?? key;
		case 'difficulty':
			return conceptLabel(key);
		case 'source':
			return sourceTitles.get(key) ?? key;
	}
}
