// Inline answers anchored to a line: a comment thread (Comments API) per question, whose tutor
// comment fills in as the answer streams; the learner can reply to ask a follow-up, or continue in
// the Tutor view. Threads live for the session (they are conversations, not review notes).
import * as vscode from 'vscode';
import { Disposable } from '../../core/lifecycle';
import type { ThreadComment } from '../../core/tutor/inlinePrompts';

export const COMMENT_CONTROLLER_ID = 'codementor.inline';

class TutorComment implements vscode.Comment {
	mode = vscode.CommentMode.Preview;
	contextValue = 'codementor.tutor';
	constructor(
		public body: vscode.MarkdownString,
		readonly author: vscode.CommentAuthorInformation,
		readonly label?: string,
	) {}
}

export interface InlineThread {
	readonly thread: vscode.CommentThread;
	/** The thread as the model sees it. */
	readonly history: ThreadComment[];
}

const tutorAuthor: vscode.CommentAuthorInformation = { name: 'CodeMentor' };
const learnerAuthor: vscode.CommentAuthorInformation = { name: 'You' };

export class InlineThreads extends Disposable {
	private readonly controller: vscode.CommentController;
	private readonly threads = new Map<vscode.CommentThread, InlineThread>();

	constructor(iconUri: vscode.Uri) {
		super();
		this.controller = this._register(vscode.comments.createCommentController(COMMENT_CONTROLLER_ID, 'CodeMentor Tutor'));
		this.controller.options = { placeHolder: 'Ask a follow-up question…', prompt: 'Reply to the tutor' };
		(tutorAuthor as { iconPath?: vscode.Uri }).iconPath = iconUri;
	}

	/** Opens a thread at `line` with the learner's question and an empty tutor answer to stream into. */
	open(uri: vscode.Uri, line: number, question: string, title: string): { readonly inline: InlineThread; readonly answer: StreamingComment } {
		const range = new vscode.Range(line, 0, line, 0);
		const thread = this.controller.createCommentThread(uri, range, [new TutorComment(md(question), learnerAuthor)]);
		thread.label = title;
		thread.canReply = true;
		thread.contextValue = 'codementor.thread';
		thread.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
		const inline: InlineThread = { thread, history: [{ author: 'learner', text: question }] };
		this.threads.set(thread, inline);
		this._register({ dispose: () => thread.dispose() });
		return { inline, answer: this.startAnswer(inline) };
	}

	/** The learner replied in the thread: show their comment and a tutor answer to stream into. */
	reply(thread: vscode.CommentThread, text: string): { readonly inline: InlineThread; readonly answer: StreamingComment } | undefined {
		const inline = this.threads.get(thread);
		if (!inline) {
			return undefined;
		}
		thread.comments = [...thread.comments, new TutorComment(md(text), learnerAuthor)];
		inline.history.push({ author: 'learner', text });
		return { inline, answer: this.startAnswer(inline) };
	}

	get(thread: vscode.CommentThread): InlineThread | undefined {
		return this.threads.get(thread);
	}

	/** Every thread's uri and line, for tests and "close all". */
	list(): readonly InlineThread[] {
		return [...this.threads.values()];
	}

	close(thread: vscode.CommentThread): void {
		this.threads.delete(thread);
		thread.dispose();
	}

	private startAnswer(inline: InlineThread): StreamingComment {
		const comment = new TutorComment(md('_Thinking…_'), tutorAuthor, 'tutor');
		inline.thread.comments = [...inline.thread.comments, comment];
		inline.thread.state = vscode.CommentThreadState.Unresolved;
		let text = '';
		let timer: NodeJS.Timeout | undefined;
		const render = () => {
			timer = undefined;
			comment.body = md(text || '_Thinking…_');
			// Reassigning the array is what makes VS Code re-render the comment.
			inline.thread.comments = [...inline.thread.comments];
		};
		return {
			append(chunk: string) {
				text += chunk;
				timer ??= setTimeout(render, 60);
			},
			finish(final?: string) {
				clearTimeout(timer);
				text = final ?? text;
				render();
				inline.history.push({ author: 'tutor', text });
			},
			fail(message: string) {
				clearTimeout(timer);
				text = `${text}${text ? '\n\n' : ''}**${message}**`;
				render();
			},
			get text() {
				return text;
			},
		};
	}
}

export interface StreamingComment {
	append(chunk: string): void;
	finish(final?: string): void;
	fail(message: string): void;
	readonly text: string;
}

function md(text: string): vscode.MarkdownString {
	// Untrusted: no command links, no HTML from the model.
	const s = new vscode.MarkdownString(text, false);
	s.isTrusted = false;
	s.supportHtml = false;
	return s;
}
