// The hint ladder: five levels from a nudging question to a partial code change, which hint comes
// next, and where it comes from — the exercise's authored hints first, then the model, grounded in
// the learner's code and failing output. Level 5 may repeat but never becomes the whole solution.
import { CancelledError, UserFacingError } from '../errors';
import type { Exercise } from '../exercises/model';
import { LlmError } from '../llm/errors';
import { collect } from '../llm/stream';
import type { LlmProvider } from '../llm/types';
import { CommandIds } from '../../shared/ids';
import { hintPrompt } from './inlinePrompts';

export type HintLevel = 1 | 2 | 3 | 4 | 5;

export type HintSource = 'authored' | 'model';

export interface HintLevelInfo {
	readonly level: HintLevel;
	readonly name: string;
	readonly description: string;
}

export const maxHintLevel: HintLevel = 5;

export const hintLevels: readonly HintLevelInfo[] = [
	{ level: 1, name: 'Nudge', description: 'A question that points you at the problem.' },
	{ level: 2, name: 'Concept', description: 'The idea or language feature involved.' },
	{ level: 3, name: 'Where to look', description: 'The line or the failing test to look at.' },
	{ level: 4, name: 'Pseudocode', description: 'The missing step in plain words.' },
	{ level: 5, name: 'Partial change', description: 'A small piece of code for one step, never the whole solution.' },
];

export function hintLevelInfo(level: HintLevel): HintLevelInfo {
	return hintLevels[level - 1];
}

export interface GivenHint {
	readonly level: HintLevel;
	readonly text: string;
	readonly source: HintSource;
}

export type HintExercise = Pick<Exercise, 'id' | 'title' | 'language' | 'instructions' | 'hints' | 'concepts'>;

export interface NextHintRequest {
	readonly exercise?: HintExercise;
	/** Hints already shown for this exercise, oldest first. */
	readonly given: readonly GivenHint[];
	/** The learner's current code. */
	readonly code?: string;
	readonly failingOutput?: string;
	readonly diagnostic?: { readonly message: string; readonly line: number };
	/** The first hint's level (see hintLevelFor); 1 when omitted. */
	readonly startLevel?: HintLevel;
	/** Undefined when no model is connected: authored hints still work. */
	readonly model?: LlmProvider;
	readonly signal: AbortSignal;
	/** The leak guard: true when a code block in a reply is too close to the reference solution. */
	readonly isTooClose?: (code: string) => boolean;
}

export type LearnerLevel = 'beginner' | 'intermediate' | 'advanced';

/** Where the ladder starts for a learner: experienced learners skip the opening question. */
export function hintLevelFor(level: LearnerLevel | undefined): HintLevel {
	return level === 'advanced' ? 2 : 1;
}

/** The level of the next hint: one above the highest given, at least `startLevel`, at most 5. */
export function nextHintLevel(given: readonly Pick<GivenHint, 'level'>[], startLevel: HintLevel = 1): HintLevel {
	if (given.length === 0) {
		return startLevel;
	}
	const highest = Math.max(...given.map(h => h.level));
	return clampLevel(Math.max(startLevel, highest + 1));
}

function clampLevel(n: number): HintLevel {
	return Math.min(Math.max(Math.round(n), 1), maxHintLevel) as HintLevel;
}

/** The authored hint to show next: the first, in the exercise's gentlest-first order, not shown yet. */
export function nextAuthoredHint(exercise: Pick<Exercise, 'hints'> | undefined, given: readonly Pick<GivenHint, 'text'>[]): string | undefined {
	const shown = new Set(given.map(h => h.text.trim()));
	return exercise?.hints.map(h => h.trim()).find(h => h !== '' && !shown.has(h));
}

// A fenced block: its body runs to a closing fence at least as long, or to the end of an unfinished reply.
const fencedBlock = /^ {0,3}(`{3,}|~{3,})[^\n]*\n([\s\S]*?)(?:^ {0,3}\1[`~]*[ \t]*$|(?![\s\S]))/gm;

/** The contents of the fenced code blocks in a Markdown reply. */
export function codeBlocks(markdown: string): string[] {
	const blocks: string[] = [];
	for (const m of markdown.matchAll(fencedBlock)) {
		blocks.push(m[2].replace(/\n$/, ''));
	}
	return blocks;
}

const withheldNote = '*(A code example was left out here: it was too close to the full solution.)*';

/**
 * The next hint. Authored hints come first, each at the next level; then the model at the next
 * level, told which hints were given so it does not repeat them. At level 5 every further request
 * is another partial change.
 *
 * Leak guard: when `isTooClose` flags a code block in the model's reply (at any level; the prompt
 * only allows code at level 5), the reply is discarded and the model is asked once more for a
 * pseudocode (level-4 style) hint with no code; that hint is returned as level 4. Should the retry
 * still contain a flagged block, the block is replaced by a note rather than shown.
 */
export async function nextHint(request: NextHintRequest): Promise<GivenHint> {
	const { exercise, given, model, signal } = request;
	if (signal.aborted) {
		throw new CancelledError();
	}
	const level = nextHintLevel(given, request.startLevel ?? 1);
	const authored = nextAuthoredHint(exercise, given);
	if (authored !== undefined) {
		return { level, text: authored, source: 'authored' };
	}
	if (!model) {
		throw noMoreHints(exercise);
	}
	const ask = async (withholdCode: boolean, askedLevel: HintLevel) => {
		if (signal.aborted) {
			throw new CancelledError();
		}
		const prompt = hintPrompt({
			exercise,
			level: askedLevel,
			given,
			code: request.code,
			failingOutput: request.failingOutput,
			diagnostic: request.diagnostic,
			withholdCode,
		});
		const result = await collect(
			model.chat({ ...prompt, signal, userInitiated: true, purpose: 'hint', maxOutputTokens: askedLevel >= 4 ? 600 : 350 }),
		);
		const text = result.text.trim();
		if (!text) {
			throw new LlmError('bad_response', `${model.label} returned an empty hint; try asking again.`, { provider: model.label });
		}
		return text;
	};
	const tooClose = (text: string) => request.isTooClose !== undefined && codeBlocks(text).some(code => request.isTooClose!(code));
	const first = await ask(false, level);
	if (!tooClose(first)) {
		return { level, text: first, source: 'model' };
	}
	const fallbackLevel = clampLevel(Math.min(level, 4));
	const retry = await ask(true, fallbackLevel);
	return { level: fallbackLevel, text: tooClose(retry) ? withholdTooClose(retry, request.isTooClose!) : retry, source: 'model' };
}

function withholdTooClose(markdown: string, isTooClose: (code: string) => boolean): string {
	return markdown.replace(fencedBlock, (block: string, _fence: string, body: string) => (isTooClose(body.replace(/\n$/, '')) ? withheldNote : block)).trim();
}

function noMoreHints(exercise: HintExercise | undefined): UserFacingError {
	const actions = [{ title: 'Connect a Model', command: CommandIds.connectModel }];
	if (!exercise) {
		return new UserFacingError('Hints outside an exercise come from a model; connect one to get a hint.', actions);
	}
	if (exercise.hints.length === 0) {
		return new UserFacingError(`"${exercise.title}" has no written hints; connect a model to get hints for it.`, actions);
	}
	return new UserFacingError(`You have seen all the written hints for "${exercise.title}"; connect a model to get more.`, actions);
}
