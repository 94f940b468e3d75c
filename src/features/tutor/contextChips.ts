// What the learner is looking at, as context the tutor may use: the selection, the current file,
// its problems, the current exercise with its last results, and terminal text they sent. Each is a
// chip the learner sees and can remove before sending. Files that look like secrets are never offered.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StartedExercise } from '../../core/exercises/service';
import { contextLabel, type ContextItem } from '../../core/tutor/context';
import type { ContextChip } from '../../shared/protocol/tutor';

import { excludedBy, sniffSecret } from '../../core/review/exclude';
const MAX_FILE_CHARS = 200_000;

export interface GatheredContext {
	readonly chips: readonly ContextChip[];
	readonly items: ReadonlyMap<string, ContextItem>;
}

/** Never offered as context: what review-on-save never sends (secrets, keys, dependencies, binaries). */
export function sensitive(file: string, text: string): boolean {
	return excludedBy(vscode.workspace.asRelativePath(file, false).split(path.sep).join('/')) !== undefined || sniffSecret(text) !== undefined;
}

function severity(s: vscode.DiagnosticSeverity): 'error' | 'warning' | 'info' {
	return s === vscode.DiagnosticSeverity.Error ? 'error' : s === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info';
}

/** Reads the editor state now. `extra` carries items sent from elsewhere (terminal text). */
export async function gatherContext(options: {
	readonly editor?: vscode.TextEditor;
	readonly exercise?: StartedExercise;
	readonly hintsGiven?: readonly string[];
	readonly extra?: readonly ContextItem[];
	readonly excluded: ReadonlySet<string>;
}): Promise<GatheredContext> {
	const items = new Map<string, ContextItem>();
	const add = (item: ContextItem, detail: string) => {
		const id = `${item.kind}:${contextLabel(item)}`;
		items.set(id, item);
		return { id, kind: item.kind, label: contextLabel(item), detail: detail.slice(0, 500), included: !options.excluded.has(id) } satisfies ContextChip;
	};
	const chips: ContextChip[] = [];
	const editor = options.editor;
	const doc = editor?.document;
	if (editor && doc && doc.uri.scheme !== 'output' && doc.getText().length <= MAX_FILE_CHARS && !sensitive(doc.uri.fsPath, doc.getText())) {
		const rel = vscode.workspace.asRelativePath(doc.uri, false);
		const selection = editor.selection;
		if (!selection.isEmpty) {
			const text = doc.getText(selection);
			chips.push(add({ kind: 'selection', path: rel, language: doc.languageId, startLine: selection.start.line + 1, endLine: selection.end.line + 1, text }, `Lines ${selection.start.line + 1}–${selection.end.line + 1} of ${rel}`));
		}
		chips.push(add({ kind: 'file', path: rel, language: doc.languageId, text: doc.getText() }, `The whole of ${rel} (${doc.lineCount} lines)`));
		const diagnostics = vscode.languages.getDiagnostics(doc.uri).filter(d => d.severity <= vscode.DiagnosticSeverity.Warning);
		if (diagnostics.length > 0) {
			chips.push(
				add(
					{ kind: 'problems', path: rel, problems: diagnostics.slice(0, 30).map(d => ({ line: d.range.start.line + 1, severity: severity(d.severity), message: d.message, source: d.source })) },
					diagnostics.slice(0, 5).map(d => `${d.range.start.line + 1}: ${d.message}`).join('\n'),
				),
			);
		}
	}
	const started = options.exercise;
	if (started) {
		const { exercise, lastResult } = started;
		const failures = lastResult?.tests.filter(t => t.status === 'failed' || t.status === 'errored') ?? [];
		chips.push(
			add(
				{
					kind: 'exercise',
					exerciseId: exercise.id,
					title: exercise.title,
					language: exercise.language,
					instructions: exercise.instructions,
					concepts: exercise.concepts,
					hintsGiven: options.hintsGiven ?? [],
					lastResults: lastResult && { passed: lastResult.passed, failed: lastResult.failed, failures: failures.slice(0, 8).map(t => ({ name: t.name, message: t.message, expected: t.expected, actual: t.actual, location: t.location })) },
				},
				`${exercise.title}: instructions${lastResult ? `, last run ${lastResult.passed}/${lastResult.passed + lastResult.failed} passed` : ''}`,
			),
		);
	}
	for (const item of options.extra ?? []) {
		chips.push(add(item, item.kind === 'terminal' ? item.text.slice(0, 300) : contextLabel(item)));
	}
	return { chips, items };
}
