// What `import { describe, test, expect } from '@jest/globals'` gets inside a grading run
// (dist/grading/jest-globals.mjs): the API of the harness that is running, which put it on
// globalThis before importing the first spec. Kept as a separate tiny module so that the specs
// never load a second copy of the harness or of `expect`.
import { apiKey, type JestApi } from './api';

const api = (globalThis as Record<symbol, JestApi | undefined>)[apiKey];
if (!api) {
	throw new Error('@jest/globals is provided by the CodeMentor test harness: run these tests with CodeMentor (codementor grade).');
}

export const { describe, fdescribe, xdescribe, test, it, fit, xtest, xit, beforeAll, afterAll, beforeEach, afterEach, expect } = api;
export default api;
