/**
 * The article deck: facts of the Russia-Japan "two-plus-two" meeting in Tokyo, each with the words of
 * the article that back it. Card ids are `<fact id>/<kind>`: keep a fact's id when you edit it.
 */
import type { Fact, FactDeckSpec } from '../../src/lib/deck/facts';

interface Minister {
	id: string;
	name: string;
	country: string;
	post: string;
	/** Where the article says which country the minister represented. */
	countryQuote: string;
	/** Where the article gives (or lets a reader work out) the minister's post. */
	postQuote: string;
	postExplanation?: string;
}

const REPRESENTED =
	'Sergei Lavrov and Sergei Shoigu represented Russia, while Taro Kono and Takeshi Iwaya represented Japan.';

/** Three facts a minister: the country, the post, and the way back from country and post to the name. */
function minister(m: Minister): Fact[] {
	return [
		{
			id: `${m.id}-country`,
			topic: 'people',
			question: `Which country did ${m.name} represent at the two-plus-two meeting in Tokyo?`,
			answer: m.country,
			type: 'country',
			statement: `${m.name} represented {answer} at the two-plus-two meeting.`,
			quote: m.countryQuote,
			cloze: m.name,
			// Other countries the article names, so choices are never only Russia or Japan.
			distractors: ['the United States', 'Great Britain', 'Australia']
		},
		{
			id: `${m.id}-post`,
			topic: 'people',
			question: `Which post did ${m.name} hold at the two-plus-two meeting?`,
			answer: m.post,
			type: 'post',
			accept: m.post === 'defence minister' ? ['defense minister'] : [],
			statement: `${m.name} took part as ${m.country}'s {answer}.`,
			quote: m.postQuote,
			// The article names only two posts at the meeting: a two-way choice is a true/false card.
			kinds: ['typed', 'truefalse', 'basic'],
			...(m.postExplanation ? { explanation: m.postExplanation } : {})
		},
		{
			id: `${m.id}-who`,
			topic: 'people',
			question: `Who was ${m.country}'s ${m.post} at the two-plus-two meeting?`,
			answer: m.name,
			type: 'person',
			statement: `{answer} was ${m.country}'s ${m.post} at the meeting.`,
			quote: m.countryQuote,
			kinds: ['mcq', 'typed', 'basic']
		}
	];
}

const facts: Fact[] = [
	...minister({
		id: 'lavrov',
		name: 'Sergei Lavrov',
		country: 'Russia',
		post: 'foreign minister',
		countryQuote: REPRESENTED,
		postQuote:
			'Foreign Minister Sergei Lavrov stated during a news conference that the Russian position is “very close” to the one adopted by Japan.'
	}),
	...minister({
		id: 'shoigu',
		name: 'Sergei Shoigu',
		country: 'Russia',
		post: 'defence minister',
		countryQuote: REPRESENTED,
		postQuote: 'Sergei Shoigu’s visit, the first such visit by a Defense Minister'
	}),
	...minister({
		id: 'kono',
		name: 'Taro Kono',
		country: 'Japan',
		post: 'foreign minister',
		countryQuote: REPRESENTED,
		postQuote:
			'Two-plus-two consultations with the participation of the foreign ministers and defense ministers of the two countries took place in Tokyo',
		postExplanation:
			'The meeting joined each side’s foreign and defence ministers; Iwaya was Japan’s defence minister, so Kono was its foreign minister.'
	}),
	...minister({
		id: 'iwaya',
		name: 'Takeshi Iwaya',
		country: 'Japan',
		post: 'defence minister',
		countryQuote: REPRESENTED,
		postQuote:
			'Japanese Defense Minister Iwaya assured his Russian colleague that the system was designed exclusively to improve Japan’s defense'
	})
];

const deck: FactDeckSpec = {
	id: 'russia-japan-2plus2',
	title: 'Russia–Japan two-plus-two in Tokyo',
	description:
		'Who met, what each side objected to, and what was agreed at the Russia–Japan meeting of foreign and defence ministers.',
	version: 1,
	language: 'en',
	source: {
		title: 'Two Plus Two Equals What? The Outcome of the Russia-Japan Meeting'
	},
	facts
};

export default deck;
