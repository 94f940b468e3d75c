// Every id CodeMentor contributes, declared once. They must match package.json; an integration
// test checks both directions. Shared with the webviews (which ask the host to run commands).

export const EXTENSION_ID = 'codementor.codementor';
export const OUTPUT_CHANNEL_NAME = 'CodeMentor';
export const CONFIG_SECTION = 'codementor';

export const ViewIds = {
	container: 'codementor',
	tutor: 'codementor.tutor',
	exercises: 'codementor.exercises',
	progress: 'codementor.progress',
} as const;

export const CommandIds = {
	showLogs: 'codementor.showLogs',
	getStarted: 'codementor.getStarted',
	openTutor: 'codementor.openTutor',
	openSettings: 'codementor.openSettings',
	setApiKey: 'codementor.setApiKey',
	removeApiKey: 'codementor.removeApiKey',
	selectModel: 'codementor.selectModel',
	connectModel: 'codementor.connectModel',
	signIn: 'codementor.signIn',
	signOutPlatform: 'codementor.signOutPlatform',
	startExercise: 'codementor.exercises.start',
	openInstructions: 'codementor.exercises.openInstructions',
	resetExercise: 'codementor.exercises.reset',
	submit: 'codementor.submit',
	exerciseHint: 'codementor.exercises.hint',
	refreshExercises: 'codementor.exercises.refresh',
	filterExercises: 'codementor.exercises.filter',
	clearExerciseFilter: 'codementor.exercises.clearFilter',
	showExerciseProblems: 'codementor.exercises.showProblems',
	generateExercise: 'codementor.exercises.generate',
	newConversation: 'codementor.newConversation',
	explainSelection: 'codementor.explainSelection',
	explainFile: 'codementor.explainFile',
	explainError: 'codementor.explainError',
	hintAtLevel: 'codementor.hintAtLevel',
	reviewSelection: 'codementor.reviewSelection',
	explainTerminalSelection: 'codementor.explainTerminalSelection',
	replyInThread: 'codementor.replyInThread',
	openThreadInTutor: 'codementor.openThreadInTutor',
	toggleReviewOnSave: 'codementor.toggleReviewOnSave',
	nextExercise: 'codementor.nextExercise',
	openDashboard: 'codementor.openDashboard',
	exportProgress: 'codementor.exportProgress',
	syncProgress: 'codementor.syncProgress',
	editProfile: 'codementor.editProfile',
	reviewPullRequest: 'codementor.reviewPullRequest',
	shareSolution: 'codementor.shareSolution',
	toggleLearningMode: 'codementor.toggleLearningMode',
	addStudyTask: 'codementor.addStudyTask',
	completeStudyTask: 'codementor.completeStudyTask',
	deleteStudyTask: 'codementor.deleteStudyTask',
	refreshProgress: 'codementor.refreshProgress',
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

/** `setContext` keys used in `when` clauses. */
export const ContextKeys = {
	/** The active editor's file belongs to a started exercise. */
	exerciseActive: 'codementor.exerciseActive',
	exercisesFiltered: 'codementor.exercisesFiltered',
	/** Learning Mode is on (AI completions off for the exercises). */
	learningMode: 'codementor.learningMode',
} as const;

export const WALKTHROUGH_ID = `${EXTENSION_ID}#codementor.gettingStarted`;
