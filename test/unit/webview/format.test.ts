import * as assert from 'node:assert/strict';
import { formatCost, formatTokens, usageLabel } from '../../../webview-ui/tutor/format';

describe('usage labels', () => {
	it('abbreviates token counts', () => {
		assert.deepEqual([0, 950, 1000, 1234, 9_960, 12_345, 999_999, 1_234_567].map(formatTokens), ['0', '950', '1k', '1.2k', '10k', '12k', '1M', '1.2M']);
	});

	it('rounds costs to what matters at that size', () => {
		assert.deepEqual([0, 0.0004, 0.0031, 0.456, 12.3].map(formatCost), ['$0', '<$0.001', '$0.003', '$0.46', '$12.30']);
	});

	it('combines tokens and cost, and shows nothing before anything was used', () => {
		assert.equal(usageLabel({ inputTokens: 1000, outputTokens: 234, costUsd: 0.0031 }), '1.2k tokens · $0.003');
		assert.equal(usageLabel({ inputTokens: 1, outputTokens: 0 }), '1 token');
		assert.equal(usageLabel({ inputTokens: 0, outputTokens: 0, costUsd: 0 }), undefined);
	});
});
