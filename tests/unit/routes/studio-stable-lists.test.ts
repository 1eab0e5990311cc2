import { describe, expect, it } from 'vitest';
import { NONE, stableLists } from '../../../src/routes/studio/edit/stable-lists';

describe('stableLists', () => {
	it('gives the same array back while a field says the same, so the field is not drawn again', () => {
		const stable = stableLists();
		const first = stable('prompt', ['Prompt: too long']);
		expect(stable('prompt', ['Prompt: too long'])).toBe(first);
		expect(first).toEqual(['Prompt: too long']);
	});

	it('gives a new array when the messages change, and one shared empty list for none', () => {
		const stable = stableLists();
		const first = stable('answer', ['Answer: missing']);
		const changed = stable('answer', ['Answer: not a date']);
		expect(changed).not.toBe(first);
		expect(changed).toEqual(['Answer: not a date']);
		expect(stable('answer', [])).toBe(NONE);
		expect(stable('quote', [])).toBe(NONE);
		expect(NONE).toEqual([]);
	});

	it('keeps each field apart', () => {
		const stable = stableLists();
		const prompt = stable('prompt', ['same words']);
		const answer = stable('answer', ['same words']);
		expect(answer).not.toBe(prompt);
		expect(stable('prompt', ['same words'])).toBe(prompt);
		expect(stable('answer', ['same words'])).toBe(answer);
	});
});
