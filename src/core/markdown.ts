// Markdown code fences that their content cannot close: learner code, model output and terminal
// text go into prompts and answers as fenced blocks, and a block must end where we say it ends.

/** The shortest backtick fence that no backtick run inside `text` can close (at least three). */
export function fenceFor(text: string): string {
	let longest = 0;
	for (const run of text.match(/`+/g) ?? []) {
		longest = Math.max(longest, run.length);
	}
	return '`'.repeat(Math.max(3, longest + 1));
}

/** `text` as a fenced block (info string: a language) that its content cannot end early. */
export function fenced(text: string, info = ''): string {
	const fence = fenceFor(text);
	return `${fence}${info}\n${text.replace(/\n$/, '')}\n${fence}`;
}
