// Modes and slash commands: what a learner types at the start of a message, what the tutor
// suggests for a typo, and the help a learner sees.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultMode, helpMarkdown, isTutorMode, modeForCommand, modeInfo, parseSlashCommand, slashCommands, tutorModes, unknownCommandMessage } from '../../../src/core/tutor/modes';

describe('Tutor modes and slash commands', () => {
	it('reads a leading command and the text after it', () => {
		assert.deepEqual(parseSlashCommand('/explain list comprehensions'), { command: 'explain', rest: 'list comprehensions' });
		assert.deepEqual(parseSlashCommand('  /hint  '), { command: 'hint', rest: '' });
		assert.deepEqual(parseSlashCommand('/Review\nmy code please'), { command: 'review', rest: 'my code please' });
		assert.deepEqual(parseSlashCommand('what does /explain do?'), { rest: 'what does /explain do?' });
	});

	it('treats an unknown command as text, suggesting the nearest known one', () => {
		const typo = parseSlashCommand('/expalin closures');
		assert.equal(typo.command, undefined);
		assert.equal(typo.rest, '/expalin closures');
		assert.equal(typo.suggestion, 'explain');
		assert.equal(unknownCommandMessage(typo), 'There is no /expalin command; did you mean /explain?');
		assert.equal(parseSlashCommand('/rev').suggestion, 'review');
		assert.equal(parseSlashCommand('/exercize').suggestion, 'exercise');
		assert.equal(parseSlashCommand('/hlep').suggestion, 'help');
		const far = parseSlashCommand('/foo');
		assert.equal(far.unknown, 'foo');
		assert.equal(far.suggestion, undefined, '"/foo" is not a typo of anything');
		assert.match(unknownCommandMessage(far)!, /\/help/);
	});

	it('does not mistake a path for a command', () => {
		const p = parseSlashCommand('/usr/bin/python3: No such file or directory');
		assert.equal(p.command, undefined);
		assert.equal(p.unknown, undefined);
		assert.equal(unknownCommandMessage(p), undefined);
	});

	it('starts in Guide with an exercise open and in Explain otherwise', () => {
		assert.equal(defaultMode({ exerciseOpen: true }), 'guide');
		assert.equal(defaultMode({ exerciseOpen: false }), 'explain');
	});

	it('maps tutoring commands to modes and has one description per command', () => {
		assert.deepEqual(slashCommands.map(c => c.name), ['explain', 'hint', 'debug', 'review', 'exercise', 'plan', 'help']);
		assert.equal(modeForCommand('hint'), 'guide');
		assert.equal(modeForCommand('debug'), 'debug');
		assert.equal(modeForCommand('help'), undefined);
		for (const c of slashCommands) {
			assert.ok(c.description.length > 10 && c.description.length <= 80 && !c.description.includes('\n'), c.name);
			assert.match(c.name, /^[a-z]+$/, 'chat participant command names have no slash');
		}
		assert.ok(isTutorMode('review'));
		assert.ok(!isTutorMode('socratic'));
		assert.equal(modeInfo('debug').label, 'Debug');
	});

	it('lists every command and mode in the help', () => {
		const help = helpMarkdown();
		for (const c of slashCommands) {
			assert.ok(help.includes(`\`/${c.name}\``), c.name);
		}
		for (const m of tutorModes) {
			assert.ok(help.includes(`**${m.label}**`), m.id);
		}
		assert.match(help, /instead of writing it for you/);
	});

	it('matches the chat participant commands declared in package.json, if any', function () {
		const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
		const participants: { commands?: { name: string; description: string }[] }[] = pkg.contributes?.chatParticipants ?? [];
		const declared = participants.flatMap(p => p.commands ?? []);
		if (declared.length === 0) {
			this.skip();
		}
		assert.deepEqual(declared.map(c => ({ name: c.name, description: c.description })), slashCommands.map(c => ({ name: c.name, description: c.description })));
	});
});
