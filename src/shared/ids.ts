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
} as const;

export type CommandId = (typeof CommandIds)[keyof typeof CommandIds];

/** `setContext` keys used in `when` clauses. */
export const ContextKeys = {} as const;

export const WALKTHROUGH_ID = `${EXTENSION_ID}#codementor.gettingStarted`;
