import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UserFacingError } from '../../../src/core/errors';
import { defaultProfile, learnerProfileSchema, loadProfile, profileQuestions, saveProfile } from '../../../src/core/progress/profile';
import type { ProgressNotice } from '../../../src/core/progress/store';

describe('progress/profile', () => {
	let dir: string;

	beforeEach(async () => {
		dir = await fs.mkdtemp(path.join(os.tmpdir(), 'codementor-profile-'));
	});

	afterEach(async () => {
		await fs.rm(dir, { recursive: true, force: true });
	});

	it('has no profile until one is saved, then fills in defaults for what was not asked', async () => {
		assert.equal(await loadProfile(dir), undefined);
		const saved = await saveProfile(dir, { languages: ['javascript'], level: 'intermediate', timeZone: 'Europe/Berlin' });
		assert.deepEqual(saved, { ...defaultProfile, languages: ['javascript'], level: 'intermediate', timeZone: 'Europe/Berlin' });
		assert.equal(saved.dailyGoal, 1);
		assert.deepEqual(await loadProfile(dir), saved);
	});

	it('keeps the previous profile as a backup and restores it when the file is damaged', async () => {
		await saveProfile(dir, { goals: 'learn recursion' });
		await saveProfile(dir, { goals: 'pass the course' });
		await fs.writeFile(path.join(dir, 'profile.json'), '{"languages": ["python"], "lev');
		const notices: ProgressNotice[] = [];
		const profile = await loadProfile(dir, { onNotice: n => notices.push(n) });
		assert.equal(profile?.goals, 'learn recursion');
		assert.equal(notices.length, 1);
		assert.match(notices[0]!.message, /learner profile \(profile\.json\) could not be read because it was cut off, so CodeMentor restored the previous backup/);
		const moved = (await fs.readdir(dir)).filter(n => n.startsWith('profile.json.corrupt-'));
		assert.equal(moved.length, 1);
		assert.ok(notices[0]!.message.includes(path.join(dir, moved[0]!)));
		assert.equal((await loadProfile(dir))?.goals, 'learn recursion', 'the restored file reads cleanly');
	});

	it('moves aside a profile that fails the schema and asks again when there is no backup', async () => {
		await fs.writeFile(path.join(dir, 'profile.json'), JSON.stringify({ level: 'wizard' }));
		const notices: ProgressNotice[] = [];
		assert.equal(await loadProfile(dir, { onNotice: n => notices.push(n) }), undefined);
		assert.match(notices[0]!.message, /expected format.*no usable backup and will ask your preferences again/);
	});

	it('does not let a damaged file replace a good backup on the next save', async () => {
		await saveProfile(dir, { goals: 'first' });
		await saveProfile(dir, { goals: 'second' });
		await fs.writeFile(path.join(dir, 'profile.json'), 'garbage');
		await saveProfile(dir, { goals: 'third' });
		const bak = JSON.parse(await fs.readFile(path.join(dir, 'profile.json.bak'), 'utf8'));
		assert.equal(bak.goals, 'first');
	});

	it('refuses an invalid profile with a message naming the field', async () => {
		await assert.rejects(saveProfile(dir, { dailyGoal: 0 }), (e: unknown) => e instanceof UserFacingError && /dailyGoal/.test(e.message));
		await assert.rejects(saveProfile(dir, { timeZone: 'Mars/Olympus' }), (e: unknown) => e instanceof UserFacingError && /timeZone/.test(e.message));
	});

	it('offers only answers the profile accepts, for every field', () => {
		const fields = new Set(profileQuestions.map(q => q.field));
		assert.deepEqual([...fields].sort(), ['dailyGoal', 'goals', 'languages', 'level', 'style']);
		for (const question of profileQuestions) {
			assert.ok(question.title.endsWith('?') || question.title.endsWith('(optional)'));
			if (question.kind === 'text') {
				assert.ok(learnerProfileSchema.safeParse({ [question.field]: 'anything' }).success);
				continue;
			}
			assert.ok(question.options.length >= 2);
			for (const option of question.options) {
				const value = question.kind === 'pickMany' ? [option.value] : option.value;
				assert.ok(learnerProfileSchema.safeParse({ [question.field]: value }).success, `${question.field}: ${String(option.value)}`);
			}
		}
	});
});
