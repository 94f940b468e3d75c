// Measures the solution-leak guard on a labelled set of tutor answers (test/fixtures/leak/cases.json):
// each answer is streamed through the Guide-mode filter in uneven chunks, as a model would send it,
// and counts as flagged when any segment comes back with a leak verdict. Used by the unit tests and
// `npm run bench -- leak`.
import { createLeakFilter, type LeakGuardOptions, type LeakReference, type LeakSegment } from './leakGuard';

export interface LeakCase {
	/** Unique in the set, e.g. "vowel-counter/renamed". */
	readonly id: string;
	/** Key into LeakCaseSet.references, e.g. "builtin/vowel-counter". */
	readonly exerciseId: string;
	/** How the answer was made, e.g. "verbatim", "partial", "starter", "pseudocode". */
	readonly kind: string;
	/** `leak`: the guard must withhold something; `pass`: a legitimate hint that must come through. */
	readonly expected: 'leak' | 'pass';
	readonly source?: 'generated' | 'handwritten';
	/** The whole answer, as markdown. */
	readonly answer: string;
}

export interface LeakCaseSet {
	readonly references: Readonly<Record<string, LeakReference>>;
	readonly cases: readonly LeakCase[];
}

export interface LeakEvalOptions extends LeakGuardOptions {
	/** Largest streamed chunk in characters; chunk sizes vary deterministically from 1 up to it. */
	readonly chunkSize?: number;
}

export interface LeakCaseResult {
	readonly id: string;
	readonly kind: string;
	readonly expected: 'leak' | 'pass';
	readonly flagged: boolean;
	/** The highest score of any segment. */
	readonly score: number;
}

export interface LeakEvaluation {
	readonly total: number;
	readonly positives: number;
	readonly negatives: number;
	/** Positives flagged. */
	readonly caught: number;
	/** Positives let through. */
	readonly missed: number;
	/** Negatives flagged. */
	readonly falsePositives: number;
	/** caught / positives (1 when there are none). */
	readonly catchRate: number;
	/** falsePositives / negatives (0 when there are none). */
	readonly falsePositiveRate: number;
	readonly byKind: Record<string, { total: number; flagged: number }>;
	readonly results: readonly LeakCaseResult[];
}

/** Streams `answer` through the filter in chunks of 1..chunkSize characters (a fixed pseudo-random sequence). */
export function streamThrough(filter: { push(chunk: string): LeakSegment[]; end(): LeakSegment[] }, answer: string, chunkSize = 48): LeakSegment[] {
	const segments: LeakSegment[] = [];
	let seed = answer.length * 2654435761;
	for (let i = 0; i < answer.length; ) {
		seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
		const size = 1 + (seed % Math.max(1, chunkSize));
		segments.push(...filter.push(answer.slice(i, i + size)));
		i += size;
	}
	segments.push(...filter.end());
	return segments;
}

export function evaluateLeakGuard(set: LeakCaseSet, options: LeakEvalOptions = {}): LeakEvaluation {
	const results: LeakCaseResult[] = [];
	const byKind: Record<string, { total: number; flagged: number }> = {};
	for (const c of set.cases) {
		const reference = set.references[c.exerciseId];
		if (!reference) {
			throw new Error(`Leak case ${c.id} names exercise ${c.exerciseId}, which the set has no reference for.`);
		}
		const segments = streamThrough(createLeakFilter({ ...options, reference }), c.answer, options.chunkSize);
		let flagged = false;
		let score = 0;
		for (const s of segments) {
			if (s.verdict) {
				flagged ||= s.verdict.leak;
				score = Math.max(score, s.verdict.score);
			}
		}
		results.push({ id: c.id, kind: c.kind, expected: c.expected, flagged, score });
		const tally = (byKind[c.kind] ??= { total: 0, flagged: 0 });
		tally.total++;
		tally.flagged += flagged ? 1 : 0;
	}
	const positives = results.filter(r => r.expected === 'leak');
	const negatives = results.filter(r => r.expected === 'pass');
	const caught = positives.filter(r => r.flagged).length;
	const falsePositives = negatives.filter(r => r.flagged).length;
	return {
		total: results.length,
		positives: positives.length,
		negatives: negatives.length,
		caught,
		missed: positives.length - caught,
		falsePositives,
		catchRate: positives.length === 0 ? 1 : caught / positives.length,
		falsePositiveRate: negatives.length === 0 ? 0 : falsePositives / negatives.length,
		byKind,
		results,
	};
}
