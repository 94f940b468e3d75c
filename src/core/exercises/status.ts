// Each exercise's status as the tree shows it (not started / in progress / passed / failed), kept
// per user in extension storage (a Memento-like store is injected). A pass is never downgraded by
// a later failed run: the learner has shown they can do it, and the tree should say so.

export type ExerciseStatus = 'not_started' | 'in_progress' | 'passed' | 'failed';

export interface ExerciseRecord {
	readonly status: Exclude<ExerciseStatus, 'not_started'>;
	/** Absolute folder of the started exercise. */
	readonly folder: string;
	readonly updatedAt: string;
	/** True once the learner passed all tests at least once. */
	readonly everPassed: boolean;
	readonly lastScore?: { readonly passed: number; readonly total: number };
}

export interface KeyValueStore {
	get<T>(key: string): T | undefined;
	update(key: string, value: unknown): PromiseLike<void>;
}

const KEY = 'codementor.exercises.status.v1';

export class ExerciseStatusStore {
	constructor(
		private readonly store: KeyValueStore,
		private readonly now: () => Date = () => new Date(),
	) {}

	private all(): Record<string, ExerciseRecord> {
		const raw = this.store.get<Record<string, ExerciseRecord>>(KEY);
		return raw && typeof raw === 'object' ? raw : {};
	}

	get(id: string): ExerciseRecord | undefined {
		return this.all()[id];
	}

	status(id: string): ExerciseStatus {
		const r = this.get(id);
		if (!r) {
			return 'not_started';
		}
		return r.everPassed ? 'passed' : r.status;
	}

	async started(id: string, folder: string): Promise<void> {
		const prev = this.get(id);
		await this.put(id, { status: prev?.status ?? 'in_progress', folder, updatedAt: this.now().toISOString(), everPassed: prev?.everPassed ?? false, lastScore: prev?.lastScore });
	}

	async graded(id: string, folder: string, passed: number, total: number): Promise<void> {
		const prev = this.get(id);
		const ok = total > 0 && passed === total;
		await this.put(id, { status: ok ? 'passed' : 'failed', folder, updatedAt: this.now().toISOString(), everPassed: ok || (prev?.everPassed ?? false), lastScore: { passed, total } });
	}

	/** Folder → exercise id, for finding which exercise an open file belongs to. */
	folders(): ReadonlyMap<string, string> {
		return new Map(Object.entries(this.all()).map(([id, r]) => [r.folder, id]));
	}

	private async put(id: string, record: ExerciseRecord): Promise<void> {
		await this.store.update(KEY, { ...this.all(), [id]: record });
	}
}
