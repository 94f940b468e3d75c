// The tutor's tools acting on VS Code: exercises (list, start, run tests), progress, hints and the
// study task list. Shared by the Tutor view, the @mentor participant and vscode.lm tools.
import * as vscode from 'vscode';
import type { Container } from '../../container';
import { UserFacingError } from '../../core/errors';
import type { ToolHost } from '../../core/tutor/tools';
import type { TutorDeps } from './controller';

export function createToolHost(_container: Container, deps: TutorDeps): ToolHost {
	const { exercises, progress, hints } = deps;
	return {
		async listExercises(filter) {
			const all = await exercises.list({ concept: filter.concept, language: filter.language, text: filter.query });
			return all
				.filter(s => !filter.difficulty || s.difficulty === filter.difficulty)
				.slice(0, filter.limit)
				.map(s => ({ id: s.id, title: s.title, language: s.language, difficulty: s.difficulty, concepts: s.concepts, status: exercises.status.status(s.id) }));
		},
		async startExercise(id) {
			const started = await exercises.start(id);
			await exercises.open(started);
			return { folder: vscode.workspace.asRelativePath(started.folder), title: started.exercise.title };
		},
		async runTests(id) {
			const target = id ?? (await exercises.active())?.exercise.id;
			if (!target) {
				throw new UserFacingError('No exercise is open: open a file of a started exercise, or pass its id.');
			}
			const result = await exercises.grade(target, AbortSignal.timeout(120_000));
			const exercise = await exercises.get(target);
			return { ...result, title: exercise.title };
		},
		async getProgress() {
			const s = await progress.summary();
			return {
				streak: s.streak,
				today: s.today,
				exercisesPassed: s.exercisesPassed,
				hintsUsed: s.hintsUsed,
				solutionsViewed: s.solutionsViewed,
				mastery: s.mastery.slice(0, 30).map(m => ({ concept: m.concept, mastery: m.p, attempts: m.attempts, mastered: m.mastered })),
				dueReviews: s.reviews.filter(r => r.due).map(r => r.concept),
				achievements: s.achievements.map(a => a.title),
				recurringErrors: s.errorPatterns.slice(0, 5).map(p => ({ kind: p.kind, label: p.label, count: p.count })),
				openTasks: s.tasks.filter(t => t.status === 'open').map(t => ({ id: t.id, title: t.title, due: t.due })),
			};
		},
		async getHint(id) {
			const hint = await hints.next({ exerciseId: id, signal: AbortSignal.timeout(60_000) });
			return { level: hint.level, text: hint.text, exerciseTitle: hint.exercise?.title };
		},
		tasks: progress.tasks,
	};
}
