// The hint ladder in VS Code: which hints an exercise's learner has had (kept per user profile),
// the next one (authored first, then the model, grounded in the instructions, the learner's code
// and the failing tests), the leak guard on model hints, and recording each hint with its level.
import type * as vscode from 'vscode';
import type { Container } from '../../container';
import { UserFacingError } from '../../core/errors';
import type { Exercise } from '../../core/exercises/model';
import type { GivenHint, HintLevel } from '../../core/tutor/hintLadder';
import type { ExercisesService } from '../exercises/service';
import type { ProgressService } from '../progress/service';

const GIVEN_KEY = 'codementor.hints.given.v2';

export interface HintResult extends GivenHint {
	readonly exercise?: Exercise;
	/** How many hints this exercise has had, this one included. */
	readonly count: number;
}

export interface HintRequestOptions {
	readonly exerciseId?: string;
	/** A diagnostic the learner asked about (a code action on a line). */
	readonly diagnostic?: { readonly message: string; readonly line: number };
	/** The code to ground a model hint in when no exercise is involved. */
	readonly code?: string;
	/** Start the ladder at this level (a code action "Hint (level n)"); a hint already above it moves on from there. */
	readonly level?: HintLevel;
	readonly signal: AbortSignal;
}

export class HintService {
	constructor(
		private readonly container: Container,
		private readonly exercises: ExercisesService,
		private readonly progress: ProgressService,
		private readonly state: vscode.Memento = container.context.globalState,
	) {}

	given(exerciseId: string): readonly GivenHint[] {
		return this.state.get<Record<string, GivenHint[]>>(GIVEN_KEY)?.[exerciseId] ?? [];
	}

	async next(options: HintRequestOptions): Promise<HintResult> {
		const started = options.exerciseId ? await this.exercises.startedById(options.exerciseId) : await this.exercises.active();
		const exercise = started?.exercise ?? (options.exerciseId ? await this.exercises.get(options.exerciseId) : undefined);
		if (!exercise && !options.diagnostic && !options.code) {
			throw new UserFacingError('Open a file of a started exercise (or start one from the Exercises view) to get a hint for it.', [{ title: 'Browse Exercises', command: 'codementor.exercises.focus' }]);
		}
		const { nextHint, hintLevelFor } = await import('../../core/tutor/hintLadder');
		const given = exercise ? this.given(exercise.id) : [];
		const profile = await this.progress.profile().catch(() => undefined);
		const files = started ? await started.learnerFiles() : [];
		const failing = started?.lastResult?.tests.filter(t => t.status === 'failed' || t.status === 'errored').slice(0, 5) ?? [];
		const failingOutput = failing.map(t => `${t.name}: ${t.message ?? ''}${t.expected !== undefined ? `\nexpected: ${t.expected}\nactual: ${t.actual}` : ''}`).join('\n\n') || undefined;
		const model = await this.container.models.resolve({ userInitiated: true, signal: options.signal }).catch(() => undefined);
		const isTooClose = exercise && exercise.referenceFiles.length > 0 && !started?.passed ? (await import('../../core/tutor/answerFilter')).leakChecker(exercise, files.map(f => f.content)) : undefined;
		const hint = await nextHint({
			exercise,
			given,
			code: files.map(f => `# ${f.path}\n${f.content}`).join('\n\n') || options.code,
			failingOutput,
			diagnostic: options.diagnostic,
			startLevel: options.level ?? hintLevelFor(profile?.level),
			model,
			signal: options.signal,
			isTooClose,
		});
		if (exercise) {
			const all = this.state.get<Record<string, GivenHint[]>>(GIVEN_KEY) ?? {};
			await this.state.update(GIVEN_KEY, { ...all, [exercise.id]: [...(all[exercise.id] ?? []), { level: hint.level, text: hint.text, source: hint.source }] });
		}
		await this.progress.record({ type: 'hint.used', exerciseId: exercise?.id, level: hint.level, source: hint.source });
		return { ...hint, exercise, count: given.length + 1 };
	}
}
