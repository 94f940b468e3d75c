// CodeMentor's wiring, loaded by extension.ts right after activate() returned: it creates the
// container and lets each feature register its commands, views and providers. Nothing here touches
// the network, prompts for sign-in, or awaits I/O; heavy code loads on first use (see esbuild.js).
import * as vscode from 'vscode';
import { Container } from './container';
import { registerExercises } from './features/exercises';
import { registerGeneral } from './features/general';
import { registerModels } from './features/models';
import { registerHints } from './features/hints';
import { registerGitHubProgress, registerNextExercise, registerProgress } from './features/progress';
import type { ProgressService } from './features/progress/service';
import { registerLearningMode } from './features/progress/learningMode';
import { registerReview, type ReviewFeature } from './features/review';
import { registerTutor, type TutorFeature } from './features/tutor';
import { createChannelLogger } from './platform/logger';

/** What activate() returns. Tests reach the container through it; nothing else should. */
export interface CodeMentorApi {
	readonly container?: Container;
	readonly tutor?: TutorFeature;
	readonly review?: ReviewFeature;
	readonly progress?: ProgressService;
}

export function activateFeatures(context: vscode.ExtensionContext, started: number): CodeMentorApi {
	const logger = createChannelLogger();
	const container = new Container(context, logger);
	context.subscriptions.push(logger.channel, container);

	// Each feature's share of activation, in the activation log line: activation is a budget.
	const timings: string[] = [];
	const timed = <T>(name: string, register: () => T): T => {
		const t0 = performance.now();
		const result = register();
		timings.push(`${name} ${(performance.now() - t0).toFixed(1)}`);
		return result;
	};
	timed('general', () => registerGeneral(container));
	timed('models', () => registerModels(container));
	const progress = timed('progress', () => registerProgress(container));
	const exercises = timed('exercises', () => registerExercises(container, progress));
	// Hints open answers in the Tutor, and the Tutor gives hints: the Tutor is registered second.
	const tutorRef: { current?: TutorFeature } = {};
	const hints = timed('hints', () => registerHints(container, exercises, progress, () => tutorRef.current!));
	const tutor = (tutorRef.current = timed('tutor', () => registerTutor(container, { exercises, hints, progress })));
	const review = timed('review', () => registerReview(container, exercises));
	timed('learning', () => {
		context.subscriptions.push(registerNextExercise(container, progress, exercises), registerGitHubProgress(container, progress, tutor, exercises));
		const learningMode = registerLearningMode(container, exercises);
		context.subscriptions.push(
			learningMode,
			exercises.onDidStart(async ({ exercise }) => {
				const source = (await exercises.sources()).find(s => s.source?.id === exercise.sourceId)?.source;
				if (source?.requiresLearningMode) {
					await learningMode.ensureLearningModeFor(exercise, true);
				}
			}),
		);
	});

	logger.info(`CodeMentor ${context.extension.packageJSON.version} activated in ${(performance.now() - started).toFixed(1)} ms (${timings.join(', ')})`);
	return context.extensionMode === vscode.ExtensionMode.Test ? { container, tutor, review, progress } : {};
}
