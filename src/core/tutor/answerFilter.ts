// The leak guard as the tutor's answer filter (session.ts' AnswerFilter): in Guide mode, code blocks
// too close to the exercise's reference solution are withheld with a sentence why; prose that turns
// out to contain the solution (written without fences) gets a note, since it was already shown.
import type { Exercise } from '../exercises/model';
import type { StartedExercise } from '../exercises/service';
import { fenced } from '../markdown';
import { createLeakFilter, withheldNotice, type LeakReference, type LeakSegment } from './leakGuard';
import type { AnswerFilter, FilterSegment } from './session';

export const PROSE_LEAK_NOTE = '\n\n> Part of this answer came close to the full solution. Try the next step on your own before reading it again.\n';

function referenceOf(exercise: Exercise): LeakReference {
	return { language: exercise.language, referenceFiles: exercise.referenceFiles, starterFiles: exercise.starterFiles, testFiles: exercise.testFiles };
}

/**
 * A fresh filter per model reply. `shown` is code the learner already has (their files): quoting it
 * back is not a leak. `onProseLeak` hears about a leak found only after it was shown.
 */
export function leakAnswerFilter(exercise: Exercise, shown: readonly string[], onProseLeak?: (reason: string) => void): () => AnswerFilter {
	const reference = referenceOf(exercise);
	return () => {
		const filter = createLeakFilter({ reference, shown });
		const map = (segments: readonly LeakSegment[]): FilterSegment[] =>
			segments.flatMap((s): FilterSegment[] => {
				if (s.kind === 'code') {
					return [{ kind: 'code', language: s.language, code: s.code, fence: s.fence, withhold: s.verdict.leak, notice: s.verdict.leak ? withheldNotice(s.verdict) : undefined }];
				}
				if (s.verdict?.leak) {
					onProseLeak?.(s.verdict.reason ?? 'prose matched the solution');
					return [{ kind: 'text', text: PROSE_LEAK_NOTE }];
				}
				return s.text ? [{ kind: 'text', text: s.text }] : [];
			});
		return { push: chunk => map(filter.push(chunk)), end: () => map(filter.end()) };
	};
}

/**
 * The filter for a turn while `started` is open: whatever the mode, an unsolved exercise's solution is
 * not handed over. None once it is passed, or when the exercise has no reference solution.
 */
export async function leakFilterFor(started: StartedExercise | undefined, onProseLeak?: (reason: string) => void): Promise<(() => AnswerFilter) | undefined> {
	if (!started || started.passed || started.exercise.referenceFiles.length === 0) {
		return undefined;
	}
	const shown = (await started.learnerFiles()).map(f => f.content);
	return leakAnswerFilter(started.exercise, shown, onProseLeak);
}

/** True when one piece of code is too close to the solution (for model hints, which are not streamed). */
export function leakChecker(exercise: Exercise, shown: readonly string[]): (code: string) => boolean {
	const reference = referenceOf(exercise);
	return code => {
		const filter = createLeakFilter({ reference, shown });
		return [...filter.push(`${fenced(code, exercise.language)}\n`), ...filter.end()].some(s => s.verdict?.leak === true);
	};
}
