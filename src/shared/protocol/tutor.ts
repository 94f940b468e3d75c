// The Tutor view's host<->webview protocol. One discriminated union per direction; both sides
// validate what they receive with parseMessage().
import * as z from 'zod';
import { CommandIds } from '../ids';

/** Commands the webview may ask the host to run: an allow-list, never an arbitrary id. */
export const tutorRunnableCommands = [
	CommandIds.getStarted,
	CommandIds.showLogs,
	CommandIds.openSettings,
	'codementor.exercises.focus',
	'codementor.progress.focus',
] as const;

export const tutorToHost = z.discriminatedUnion('type', [
	z.object({ type: z.literal('ready') }),
	z.object({ type: z.literal('command/run'), command: z.enum(tutorRunnableCommands) }),
]);
export type TutorToHost = z.infer<typeof tutorToHost>;

export const tutorState = z.object({
	screen: z.literal('welcome'),
	/** Restricted Mode: the tutor explains but does not run code. */
	trusted: z.boolean(),
});
export type TutorState = z.infer<typeof tutorState>;

export const hostToTutor = z.discriminatedUnion('type', [z.object({ type: z.literal('state/set'), state: tutorState })]);
export type HostToTutor = z.infer<typeof hostToTutor>;
