// Struggle detection: several failed submissions within a few minutes, or a long stall on a failing
// exercise, earn one gentle offer of help — once per exercise per cool-down, never while the
// learner is passing, and not at all when switched off. Pure: the caller feeds events and the clock.

export interface StruggleSettings {
	readonly enabled: boolean;
	/** Failed runs within `windowMinutes` that count as struggling. */
	readonly failures: number;
	readonly windowMinutes: number;
	/** Minutes on a failing exercise (still editing, no pass) that count as a stall. */
	readonly stallMinutes: number;
	/** After an offer (taken or not), stay quiet about that exercise this long. */
	readonly coolDownMinutes: number;
}

export const defaultStruggleSettings: StruggleSettings = { enabled: true, failures: 3, windowMinutes: 10, stallMinutes: 20, coolDownMinutes: 45 };

export type StruggleReason = 'failures' | 'stall';

interface ExerciseState {
	failures: number[];
	failingSince?: number;
	lastEditAt?: number;
	lastOfferAt?: number;
}

export class StruggleDetector {
	private readonly exercises = new Map<string, ExerciseState>();

	constructor(private settings: StruggleSettings = defaultStruggleSettings) {}

	configure(settings: StruggleSettings): void {
		this.settings = settings;
	}

	private state(id: string): ExerciseState {
		let s = this.exercises.get(id);
		if (!s) {
			s = { failures: [] };
			this.exercises.set(id, s);
		}
		return s;
	}

	/** A grading run finished; returns a reason when help should be offered now. */
	graded(exerciseId: string, passed: boolean, now: number): StruggleReason | undefined {
		const s = this.state(exerciseId);
		if (passed) {
			this.exercises.delete(exerciseId);
			return undefined;
		}
		const windowStart = now - this.settings.windowMinutes * 60_000;
		s.failures = [...s.failures.filter(t => t >= windowStart), now];
		s.failingSince ??= now;
		if (s.failures.length >= this.settings.failures && this.mayOffer(s, now)) {
			s.lastOfferAt = now;
			s.failures = [];
			return 'failures';
		}
		return undefined;
	}

	/** The learner edited a file of the exercise. */
	edited(exerciseId: string, now: number): void {
		const s = this.exercises.get(exerciseId);
		if (s) {
			s.lastEditAt = now;
		}
	}

	/** Checked on a timer: a stall is a failing exercise still being worked on (edited lately) for a long time. */
	tick(now: number): { readonly exerciseId: string; readonly reason: StruggleReason } | undefined {
		for (const [exerciseId, s] of this.exercises) {
			const stalled = s.failingSince !== undefined && now - s.failingSince >= this.settings.stallMinutes * 60_000;
			const active = s.lastEditAt !== undefined && now - s.lastEditAt <= 5 * 60_000;
			if (stalled && active && this.mayOffer(s, now)) {
				s.lastOfferAt = now;
				s.failingSince = now;
				return { exerciseId, reason: 'stall' };
			}
		}
		return undefined;
	}

	private mayOffer(s: ExerciseState, now: number): boolean {
		return this.settings.enabled && (s.lastOfferAt === undefined || now - s.lastOfferAt >= this.settings.coolDownMinutes * 60_000);
	}
}

export function struggleMessage(title: string, reason: StruggleReason): string {
	return reason === 'failures'
		? `“${title}” is being stubborn. Want a hint, or to talk it through with the tutor?`
		: `You have been working on “${title}” for a while. Would a hint help?`;
}
