/**
 * The article deck: facts of the Russia-Japan "two-plus-two" meeting in Tokyo, each with the words of
 * the article that back it. Card ids are `<fact id>/<kind>`: keep a fact's id when you edit it.
 *
 * Every fact comes from source.txt alone. Answer types decide which values stand in as wrong
 * answers (mcq) and false statements (truefalse), so values that share a type must be genuinely
 * interchangeable; a phrase that has no fair alternatives in the article leaves mcq (and
 * truefalse) out through `kinds`.
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

/** Card kinds for a short phrase that has no fair same-type alternatives in the article. */
const RECALL: Fact['kinds'] = ['typed', 'cloze', 'basic'];
/** For a longer phrase: too long to type exactly, so shown and blanked instead. */
const READ: Fact['kinds'] = ['basic', 'cloze'];
/** For a person named as having said or done something: no true/false, as swapping in another
 * minister would make a claim the article neither makes nor plainly denies. */
const WHO: Fact['kinds'] = ['mcq', 'typed', 'cloze'];

// Sentences of the article that back more than one fact.
const MET_IN_TOKYO =
	'Two-plus-two consultations with the participation of the foreign ministers and defense ministers of the two countries took place in Tokyo not so long ago.';
const CREATED =
	'This format, created in November 2013, was designed to ensure that a security dialogue existed between the two countries.';
const SHELVED =
	'Following the events in Ukraine in 2014 these consultations were shelved and resumed only in March 2017.';
const PARTNERS =
	'In addition to Russia, Japan maintains two-plus-two format relations only with its main ally, the United States and the ideologically and politically like-minded Great Britain and Australia.';
const SECURITY_VIEWS =
	'Japan relies on its military-political alliance with the United States and believes that the bloc principle is indispensable for security architecture, whereas Russia insists on “indivisibility” of security, meaning that certain countries’ security shouldn’t be built at the expense of others.';
const INDO_PACIFIC =
	'Lavrov criticized the idea of a “free and open” Indo-Pacific region with the participation of Japan, as it is used to create a closed partnership potentially directed against those countries that are not part of it.';
const AEGIS =
	'Russia expressed concern about Tokyo’s plans to deploy Aegis Ashore anti-missile systems in two Japanese prefectures, a move that represents a “potential threat to Russia.”';
const AEGIS_REPLY =
	"In response, Japanese Defense Minister Iwaya assured his Russian colleague that the system was designed exclusively to improve Japan’s defense and does not pose a threat to Russia's national security.";
const KURILS =
	'Russia’s military construction on the South Kuril Islands, to which Tokyo is making territorial claims, is another bone of contention.';
const UNACCEPTABLE =
	'At the meeting, Japan stated that any type of military activity on the islands, including Russian military exercises or the deployment of the latest combat aircraft or anti-ship systems, is "unacceptable."';
const KURIL_REPLY =
	'In response, Lavrov said that this territory is under Russia’s sovereignty in accordance with international law and, therefore, Russia is in no way restricted in its actions there.';
const ROUTINE =
	'At the same time, it appears that the dispute during the talks was of a routine nature and the parties’ goal was in fact to outline at least some prospects for future discussions in the area of security, which has increasingly become the basis for developing bilateral relations.';
const MEDIA =
	'Some Japanese media say that Japan needs the two-plus-two format in order to convince Russia that Japan has no plans to give the go-ahead for the deployment of US military facilities on the islands, if handed over to it, as part of a package solution to the territorial issue.';
const NON_DEPLOYMENT =
	'As is already known, Moscow cites the absence of guarantees of non-deployment as an argument behind its intransigence at the talks on a peace treaty.';
const INDEPENDENCE =
	'For Japan, the dialogue with Russia in the two-plus-two format is a tool to carry out its goal of achieving greater independence in its foreign policy and moving away from complete subordination to the United States on all issues affecting its national security.';
const G20 =
	'Also important is the fact that in the run-up to the G20 summit in Osaka, where the leaders of the two countries are supposed to meet, Tokyo is interested in improving mutual trust with Moscow';
const CRISIS =
	'When facing a crisis such as the one that has been revealed during the dialogue for a peace treaty, the stepping up of contacts between the parties in other areas, especially in more sensitive spheres such as defense, objectively prevents the deterioration of bilateral relations, which would appear unavoidable following the collapse of any illusions regarding a prompt resolution of the border issue.';
const ABE =
	'For Abe, it is important to stave off an outright foreign policy failure in his dealings with Russia, which has become a real possibility in connection with the above crisis and in view of the upcoming elections to the upper house of parliament in July.';
const ABE_GAINS =
	'Improving interaction with Russia on North Korea, which is a sensitive matter for Japan, as well as intensifying economic ties with Russia, including cooperation in developing oil and gas and other natural resources, would allow Abe to justify himself in the eyes of his conservative base and show off his foreign policy achievements.';
const RUSSIA_MOTIVE =
	'An additional motive for Russia is its desire to prevent the West from further consolidating its position on the anti-Russian platform, using Japan as a “bridge” and an “agent of influence” in dialogue with Western countries.';
const COLLECTIVE_WEST =
	'The United States and its allies are interested in security cooperation with Moscow in East Asia with its ever complex problems, and the Russia-Japan two-plus-two dialogue format could naturally help Russia establish contacts with a “collective West” not only on a bilateral level, but multilateral as well.';
const SANCTIONS =
	'Even though the parties have different approaches (Russia advocates the gradual lifting of sanctions imposed on the DPRK, whereas Japan is for tightening them as much as possible)';
const VERY_CLOSE =
	'Foreign Minister Sergei Lavrov stated during a news conference that the Russian position is “very close” to the one adopted by Japan.';
const IRAN =
	'Iran was also discussed during the talks. Russia gave a positive assessment of Japan’s efforts to build friendly relations with that country.';
const IRAN_SUPPORT =
	"Russia's moral support for Japan’s mediatory efforts in normalizing US-Iran relations and resolving the Iranian nuclear problem is important for Japan because it allows it to feel part of international politics as a full-fledged player rather than a junior partner of the United States";
const SAREX =
	'Russia-Japan Sarex-2019 exercises (Search and Rescue Exercises), which will focus on search and rescue operations at sea, will be held in Peter the Great Bay in mid-June.';
const NAVY_CHIEF =
	'For the first time in 18 years a Commander-in-Chief of the Russian Navy, Admiral Nikolai Yevmenov, will visit Japan in the second half of the year.';
const SHOIGU_VISIT =
	'Sergei Shoigu’s visit, the first such visit by a Defense Minister, brought him to the combat command of Japan’s Self-Defense Forces’ ground forces in the Asaka garrison was quite symbolic.';

const facts: Fact[] = [
	...minister({
		id: 'lavrov',
		name: 'Sergei Lavrov',
		country: 'Russia',
		post: 'foreign minister',
		countryQuote: REPRESENTED,
		postQuote: VERY_CLOSE
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
		postQuote: MET_IN_TOKYO,
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
	}),

	// The format: what it is, when it began, stopped and began again, and who else uses it.
	{
		id: 'format-participants',
		topic: 'format',
		question: 'Which ministers of each country take part in two-plus-two consultations?',
		answer: 'the foreign ministers and defense ministers',
		type: 'phrase',
		accept: [
			'foreign and defense ministers',
			'foreign and defence ministers',
			'foreign ministers and defence ministers',
			'defense and foreign ministers',
			'defence and foreign ministers'
		],
		statement: 'Two-plus-two consultations bring together {answer} of the two countries.',
		quote: MET_IN_TOKYO,
		cloze: 'foreign ministers and defense ministers',
		kinds: RECALL
	},
	{
		id: 'format-created',
		topic: 'format',
		question: 'When was the Russia–Japan two-plus-two format created?',
		answer: 'November 2013',
		type: 'date',
		statement: 'The Russia–Japan two-plus-two format was created in {answer}.',
		quote: CREATED
	},
	{
		id: 'format-purpose',
		topic: 'format',
		question:
			'What was the two-plus-two format designed to ensure existed between Russia and Japan?',
		answer: 'a security dialogue',
		type: 'phrase',
		accept: ['a dialogue on security', 'dialogue on security'],
		statement:
			'The two-plus-two format was designed to ensure that {answer} existed between the two countries.',
		quote: CREATED,
		kinds: RECALL
	},
	{
		id: 'format-shelved-after',
		topic: 'format',
		question: 'Following events in which country were the two-plus-two consultations shelved?',
		answer: 'Ukraine',
		type: 'country',
		statement: 'The two-plus-two consultations were shelved following the events in {answer}.',
		quote: SHELVED,
		explanation: 'The article says only “the events in Ukraine in 2014”; it does not describe them.'
	},
	{
		id: 'format-shelved-year',
		topic: 'format',
		question:
			'In which year were the events in Ukraine after which the two-plus-two consultations were shelved?',
		answer: '2014',
		type: 'date',
		statement:
			'The two-plus-two consultations were shelved following the events in Ukraine in {answer}.',
		quote: SHELVED,
		// Not mcq: the other dates include months without a year.
		kinds: ['typed', 'truefalse', 'cloze', 'basic']
	},
	{
		id: 'format-resumed',
		topic: 'format',
		question: 'When were the two-plus-two consultations resumed after being shelved?',
		answer: 'March 2017',
		type: 'date',
		statement: 'After being shelved, the two-plus-two consultations resumed only in {answer}.',
		quote: SHELVED
	},
	{
		id: 'partner-main-ally',
		topic: 'format',
		question:
			'Which country, also a two-plus-two partner of Japan, does the article call Japan’s main ally?',
		answer: 'the United States',
		type: 'country',
		accept: ['US', 'USA', 'United States of America'],
		statement: 'Japan’s main ally, with which it also holds two-plus-two talks, is {answer}.',
		quote: PARTNERS
	},
	{
		id: 'partners-like-minded',
		topic: 'format',
		question:
			'Besides Russia and the United States, which two countries does Japan hold two-plus-two talks with?',
		answer: 'Great Britain and Australia',
		type: 'country-pair',
		accept: ['Australia and Great Britain', 'Britain and Australia', 'Australia and Britain'],
		statement:
			'Besides Russia and the United States, Japan holds two-plus-two talks with {answer}.',
		quote: PARTNERS,
		explanation: 'The article calls them “ideologically and politically like-minded” with Japan.',
		kinds: RECALL
	},
	{
		id: 'partners-indicative',
		topic: 'format',
		question:
			'What would a two-plus-two dialogue normally indicate about Japan’s relations with a partner country?',
		answer: 'close political relations',
		type: 'phrase',
		accept: ['close relations', 'close political ties'],
		statement: 'A two-plus-two dialogue would appear to indicate Japan’s {answer} with a partner.',
		quote:
			'Such a dialogue would appear to be indicative of Japan’s close political relations with a partner country. However, this rule does not apply to Russia',
		explanation: 'The article adds that this rule does not apply to Russia.',
		kinds: RECALL
	},

	// The meeting in Tokyo.
	{
		id: 'meeting-place',
		topic: 'meeting',
		question: 'Where did the Russia–Japan two-plus-two meeting of ministers take place?',
		answer: 'Tokyo',
		type: 'place',
		statement: 'The Russia–Japan two-plus-two meeting took place in {answer}.',
		quote: MET_IN_TOKYO
	},
	{
		id: 'meeting-number',
		topic: 'meeting',
		question: 'Which meeting of the two-plus-two format, counting in a row, was the one in Tokyo?',
		answer: 'the fourth',
		type: 'ordinal',
		accept: ['4th', 'number four'],
		statement: 'The meeting in Tokyo was {answer} two-plus-two meeting in a row.',
		quote: 'The most recent meeting was the fourth in a row.',
		distractors: ['the first', 'the second', 'the third']
	},
	{
		id: 'meeting-differences',
		topic: 'meeting',
		question: 'What did the exchange of opinions at the meeting reveal, as was expected?',
		answer: 'the basic differences in opinion on security',
		type: 'phrase',
		statement: 'As expected, the exchange of opinions revealed {answer}.',
		quote:
			'As was expected, the exchange of opinions revealed the basic differences in opinion of the parties’ when it comes to security.',
		cloze: 'basic differences',
		kinds: READ
	},
	{
		id: 'meeting-dispute-routine',
		topic: 'meeting',
		question:
			'According to the article, what kind of nature did the dispute during the talks have?',
		answer: 'routine',
		type: 'phrase',
		accept: ['a routine nature', 'routine nature'],
		statement: 'The dispute during the talks was of a {answer} nature.',
		quote: ROUTINE,
		explanation:
			'The parties’ goal was in fact to outline at least some prospects for future discussions in the area of security.',
		kinds: RECALL
	},
	{
		id: 'security-basis',
		topic: 'meeting',
		question:
			'Which area, according to the article, has increasingly become the basis for developing Russia–Japan relations?',
		answer: 'security',
		type: 'phrase',
		accept: ['the area of security'],
		statement:
			'The area of {answer} has increasingly become the basis for developing bilateral relations.',
		quote: ROUTINE,
		cloze: 'area of security',
		kinds: RECALL
	},
	{
		id: 'meeting-productive',
		topic: 'meeting',
		question:
			'How does Kristina Voda describe the dialogue, as both sides demonstrated their common approaches?',
		answer: 'productive',
		type: 'phrase',
		statement: 'Amid this backdrop, the dialogue was {answer}.',
		quote:
			'Amid this backdrop, the dialogue was productive as both sides demonstrated their common approaches and commitment to common ideas and values.',
		kinds: RECALL
	},
	{
		id: 'positive-dynamic',
		topic: 'meeting',
		question:
			'According to Kristina Voda, what do the regular consultations demonstrate in the development of Russo-Japanese relations?',
		answer: 'a positive dynamic',
		type: 'phrase',
		accept: ['positive dynamics'],
		statement: 'The regular consultations demonstrate {answer} in Russo-Japanese relations.',
		quote:
			'The regular consultations of the heads of the foreign affairs and defence ministries of Russia and Japan demonstrate a positive dynamic in the development of Russo-Japanese relations',
		kinds: RECALL
	},
	{
		id: 'demise-rumors',
		topic: 'meeting',
		question:
			'What did the Tokyo meeting clearly show about rumors of the imminent demise of Russia–Japan relations?',
		answer: 'that they are exaggerated',
		type: 'phrase',
		accept: ['exaggerated', 'they are exaggerated', 'they were exaggerated'],
		statement: 'The meeting in Tokyo showed {answer}.',
		quote:
			'Thus, the meeting in Tokyo clearly showed that rumors about the imminent demise of Russia-Japan relations are exaggerated',
		cloze: 'exaggerated',
		kinds: RECALL
	},

	// Each side's view of security.
	{
		id: 'opposite-sides',
		topic: 'security',
		question:
			'Where, in the article’s image, do Russia and Japan stand when it comes to international politics?',
		answer: 'on the opposite sides of the barricade',
		type: 'phrase',
		accept: ['opposite sides of the barricade', 'on opposite sides of the barricade'],
		statement: 'In international politics, Russia and Japan are clearly {answer}.',
		quote:
			'However, this rule does not apply to Russia as the two countries are clearly on the opposite sides of the barricade when it comes to international politics.',
		cloze: 'opposite sides of the barricade',
		kinds: RECALL
	},
	{
		id: 'japan-security-principle',
		topic: 'security',
		question: 'Which principle does Japan believe is indispensable for security architecture?',
		answer: 'the bloc principle',
		type: 'security-principle',
		statement: 'Japan believes that {answer} is indispensable for security architecture.',
		quote: SECURITY_VIEWS,
		// Two principles only: no fair mcq, but each is plainly the other side's.
		kinds: ['typed', 'truefalse', 'cloze', 'basic']
	},
	{
		id: 'japan-relies-on',
		topic: 'security',
		question: 'What does Japan rely on, in the article’s account of its view of security?',
		answer: 'its military-political alliance with the United States',
		type: 'phrase',
		accept: [
			'alliance with the United States',
			'the alliance with the United States',
			'military-political alliance with the United States',
			'its alliance with the United States',
			'alliance with the US',
			'its alliance with the US',
			'the US alliance'
		],
		statement: 'In security, Japan relies on {answer}.',
		quote: SECURITY_VIEWS,
		cloze: 'military-political alliance',
		kinds: RECALL
	},
	{
		id: 'russia-security-principle',
		topic: 'security',
		question: 'What does Russia insist on when it comes to security?',
		answer: 'the indivisibility of security',
		type: 'security-principle',
		accept: ['indivisibility', 'indivisible security'],
		statement: 'Russia insists on {answer}.',
		quote: SECURITY_VIEWS,
		cloze: 'indivisibility',
		kinds: ['typed', 'truefalse', 'cloze', 'basic']
	},
	{
		id: 'indivisibility-meaning',
		topic: 'security',
		question:
			'Russia’s “indivisibility” of security means that certain countries’ security shouldn’t be built at whose expense?',
		answer: 'others',
		type: 'phrase',
		accept: [
			'other countries',
			'at the expense of others',
			'others’ security',
			'other countries’ security'
		],
		statement:
			'By “indivisibility” of security, Russia means that certain countries’ security shouldn’t be built at the expense of {answer}.',
		quote: SECURITY_VIEWS,
		cloze: 'at the expense of others',
		kinds: RECALL
	},
	{
		id: 'indo-pacific-critic',
		topic: 'security',
		question:
			'Which minister criticized the idea of a “free and open” Indo-Pacific region at the meeting?',
		answer: 'Sergei Lavrov',
		type: 'person',
		statement: '{answer} criticized the idea of a “free and open” Indo-Pacific region.',
		quote: INDO_PACIFIC,
		cloze: 'Lavrov',
		kinds: WHO
	},
	{
		id: 'indo-pacific-idea',
		topic: 'security',
		question:
			'Lavrov criticized the idea of an Indo-Pacific region, with Japan’s participation, described by which words?',
		answer: 'free and open',
		type: 'phrase',
		accept: ['a free and open Indo-Pacific', 'free and open Indo-Pacific'],
		statement: 'Lavrov criticized the idea of a “{answer}” Indo-Pacific region.',
		quote: INDO_PACIFIC,
		kinds: RECALL
	},
	{
		id: 'indo-pacific-closed-partnership',
		topic: 'security',
		question:
			'Why did Lavrov criticize the “free and open” Indo-Pacific idea: what is it used to create?',
		answer: 'a closed partnership',
		type: 'phrase',
		statement: 'Lavrov said the “free and open” Indo-Pacific idea is used to create {answer}.',
		quote: INDO_PACIFIC,
		explanation:
			'A closed partnership potentially directed against those countries that are not part of it.',
		kinds: RECALL
	},
	{
		id: 'defense-contacts',
		topic: 'security',
		question:
			'Stepping up contacts in which sensitive sphere, the article says, objectively prevents the deterioration of bilateral relations?',
		answer: 'defense',
		type: 'phrase',
		accept: ['defence'],
		statement:
			'Stepping up contacts in sensitive spheres such as {answer} prevents the deterioration of bilateral relations.',
		quote: CRISIS,
		explanation:
			'Without such contacts, deterioration would appear unavoidable after the collapse of any illusions of a prompt resolution of the border issue.',
		kinds: RECALL
	},

	// What each side objected to, and the answer it got.
	{
		id: 'aegis-system',
		topic: 'objections',
		question:
			'Which anti-missile systems does Tokyo plan to deploy, a plan that Russia expressed concern about?',
		answer: 'Aegis Ashore',
		type: 'weapon',
		statement:
			'Russia expressed concern about Tokyo’s plans to deploy {answer} anti-missile systems.',
		quote: AEGIS,
		kinds: RECALL
	},
	{
		id: 'aegis-prefectures',
		topic: 'objections',
		question: 'In how many Japanese prefectures does Tokyo plan to deploy Aegis Ashore systems?',
		answer: 'two',
		type: 'count',
		statement:
			'Tokyo plans to deploy Aegis Ashore anti-missile systems in {answer} Japanese prefectures.',
		quote: AEGIS,
		cloze: 'two Japanese prefectures',
		distractors: ['three', 'four', 'five']
	},
	{
		id: 'aegis-threat',
		topic: 'objections',
		question: 'How did Russia describe Tokyo’s plans to deploy Aegis Ashore systems?',
		answer: 'a potential threat to Russia',
		type: 'phrase',
		accept: ['potential threat', 'a threat to Russia'],
		statement: 'Russia called the planned Aegis Ashore deployment {answer}.',
		quote: AEGIS,
		cloze: 'potential threat to Russia',
		kinds: RECALL
	},
	{
		id: 'aegis-reply-who',
		topic: 'objections',
		question:
			'Which Japanese minister assured his Russian colleague that Aegis Ashore does not pose a threat to Russia?',
		answer: 'Takeshi Iwaya',
		type: 'person',
		statement:
			'{answer} assured his Russian colleague that Aegis Ashore does not pose a threat to Russia.',
		quote: AEGIS_REPLY,
		cloze: 'Iwaya',
		kinds: WHO
	},
	{
		id: 'aegis-reply-purpose',
		topic: 'objections',
		question: 'According to Iwaya, what was the Aegis Ashore system designed exclusively to do?',
		answer: 'improve Japan’s defense',
		type: 'phrase',
		accept: ['improve Japan’s defence', 'improve Japanese defense', 'improve Japanese defence'],
		statement: 'Iwaya said the system was designed exclusively to {answer}.',
		quote: AEGIS_REPLY,
		explanation: 'Iwaya added that it does not pose a threat to Russia’s national security.',
		kinds: RECALL
	},
	{
		id: 'kuril-islands',
		topic: 'objections',
		question: 'Russia’s military construction on which islands is “another bone of contention”?',
		answer: 'the South Kuril Islands',
		type: 'place',
		accept: ['South Kurils', 'the South Kurils'],
		statement: 'Russia’s military construction on {answer} is another bone of contention.',
		quote: KURILS,
		// Not mcq: it would be the only islands among the choices.
		kinds: RECALL
	},
	{
		id: 'kuril-claimant',
		topic: 'objections',
		question: 'Which country is making territorial claims to the South Kuril Islands?',
		answer: 'Japan',
		type: 'country',
		statement: '{answer} is making territorial claims to the South Kuril Islands.',
		quote: KURILS,
		cloze: 'Tokyo',
		explanation: 'The article writes “Tokyo” for Japan’s government.'
	},
	{
		id: 'kuril-unacceptable',
		topic: 'objections',
		question:
			'Which word did Japan use at the meeting for any type of Russian military activity on the South Kuril Islands?',
		answer: 'unacceptable',
		type: 'phrase',
		statement: 'Japan called any type of Russian military activity on the islands {answer}.',
		quote: UNACCEPTABLE,
		kinds: RECALL
	},
	{
		id: 'kuril-weapons',
		topic: 'objections',
		question:
			'Besides military exercises, the deployment of which two kinds of Russian weapons on the islands did Japan call unacceptable?',
		answer: 'the latest combat aircraft and anti-ship systems',
		type: 'phrase',
		accept: [
			'combat aircraft and anti-ship systems',
			'latest combat aircraft and anti-ship systems',
			'anti-ship systems and combat aircraft',
			'anti-ship systems and the latest combat aircraft'
		],
		statement: 'Japan called the deployment of {answer} on the islands unacceptable.',
		quote: UNACCEPTABLE,
		cloze: 'the latest combat aircraft or anti-ship systems',
		kinds: RECALL
	},
	{
		id: 'kuril-exercises',
		topic: 'objections',
		question:
			'Besides deploying combat aircraft or anti-ship systems, which Russian military activity on the islands did Japan name as unacceptable?',
		answer: 'military exercises',
		type: 'phrase',
		accept: ['Russian military exercises', 'exercises'],
		statement: 'Japan called Russian {answer} on the islands unacceptable.',
		quote: UNACCEPTABLE,
		kinds: RECALL
	},
	{
		id: 'kuril-reply-who',
		topic: 'objections',
		question:
			'Who answered Japan that the South Kuril territory is under Russia’s sovereignty in accordance with international law?',
		answer: 'Sergei Lavrov',
		type: 'person',
		statement: '{answer} said that the South Kuril territory is under Russia’s sovereignty.',
		quote: KURIL_REPLY,
		cloze: 'Lavrov',
		kinds: WHO
	},
	{
		id: 'kuril-sovereignty',
		topic: 'objections',
		question:
			'Under which country’s sovereignty, according to Lavrov, is the South Kuril territory?',
		answer: 'Russia',
		type: 'country',
		statement: 'Lavrov said that the South Kuril territory is under the sovereignty of {answer}.',
		quote: KURIL_REPLY,
		cloze: 'Russia’s sovereignty'
	},
	{
		id: 'kuril-international-law',
		topic: 'objections',
		question:
			'In accordance with what, according to Lavrov, is the South Kuril territory under Russia’s sovereignty?',
		answer: 'international law',
		type: 'phrase',
		statement:
			'Lavrov said the territory is under Russia’s sovereignty in accordance with {answer}.',
		quote: KURIL_REPLY,
		kinds: RECALL
	},
	{
		id: 'kuril-not-restricted',
		topic: 'objections',
		question: 'What did Lavrov conclude about Russia’s actions on the South Kuril Islands?',
		answer: 'Russia is in no way restricted in its actions there',
		type: 'phrase',
		statement: 'Lavrov concluded that {answer}.',
		quote: KURIL_REPLY,
		cloze: 'in no way restricted',
		kinds: READ
	},

	// The territorial issue and the peace treaty.
	{
		id: 'non-deployment-facilities',
		topic: 'politics',
		question:
			'According to some Japanese media, Japan wants to convince Russia it will not allow the deployment of what on the islands, if handed over?',
		answer: 'US military facilities',
		type: 'phrase',
		accept: ['American military facilities', 'US military bases', 'US facilities'],
		statement:
			'Japan has no plans to allow the deployment of {answer} on the islands, if handed over to it.',
		quote: MEDIA,
		kinds: RECALL
	},
	{
		id: 'package-solution',
		topic: 'politics',
		question:
			'In the scenario the Japanese media describe, the islands would be handed over to Japan as part of what?',
		answer: 'a package solution to the territorial issue',
		type: 'phrase',
		accept: ['a package solution', 'package solution'],
		statement: 'The islands would be handed over as part of {answer}.',
		quote: MEDIA,
		cloze: 'package solution',
		kinds: RECALL
	},
	{
		id: 'non-deployment-guarantees',
		topic: 'politics',
		question:
			'What does Moscow cite as an argument behind its intransigence at the talks on a peace treaty?',
		answer: 'the absence of guarantees of non-deployment',
		type: 'phrase',
		accept: [
			'absence of guarantees of non-deployment',
			'no guarantees of non-deployment',
			'lack of guarantees of non-deployment',
			'the lack of non-deployment guarantees',
			'no non-deployment guarantees'
		],
		statement: 'Moscow cites {answer} as an argument behind its intransigence.',
		quote: NON_DEPLOYMENT,
		cloze: 'absence of guarantees of non-deployment',
		explanation: 'Non-deployment, that is, of US military facilities on the islands.',
		kinds: RECALL
	},
	{
		id: 'peace-treaty',
		topic: 'politics',
		question:
			'Citing the absence of non-deployment guarantees, Moscow is intransigent at the talks on what?',
		answer: 'a peace treaty',
		type: 'phrase',
		statement: 'Moscow is intransigent at the talks on {answer}.',
		quote: NON_DEPLOYMENT,
		kinds: RECALL
	},
	{
		id: 'transactional-approach',
		topic: 'politics',
		question:
			'The article warns against seeing Tokyo’s motives only as a manifestation of what kind of approach?',
		answer: 'a transactional approach',
		type: 'phrase',
		accept: ['transactional'],
		statement: 'Tokyo’s motives are not only a manifestation of {answer}.',
		quote:
			'However, it is not worthwhile to look at Tokyo’s motives only as a manifestation of a transactional approach that is based solely on pragmatic considerations.',
		cloze: 'transactional approach',
		kinds: RECALL
	},

	// Why each side wants the dialogue.
	{
		id: 'japan-goal-independence',
		topic: 'politics',
		question: 'For Japan, the two-plus-two dialogue with Russia is a tool to carry out which goal?',
		answer: 'greater independence in its foreign policy',
		type: 'phrase',
		accept: [
			'greater independence',
			'greater independence in foreign policy',
			'independence in foreign policy',
			'a more independent foreign policy'
		],
		statement: 'For Japan, the dialogue with Russia is a tool to achieve {answer}.',
		quote: INDEPENDENCE,
		cloze: 'greater independence',
		kinds: RECALL
	},
	{
		id: 'japan-goal-subordination',
		topic: 'politics',
		question:
			'Japan wants to move away from complete subordination to which country on all issues affecting its national security?',
		answer: 'the United States',
		type: 'country',
		accept: ['US', 'USA', 'United States of America'],
		statement:
			'Japan wants to move away from complete subordination to {answer} on national security.',
		quote: INDEPENDENCE,
		cloze: 'subordination to the United States'
	},
	{
		id: 'g20-place',
		topic: 'politics',
		question:
			'Where is the G20 summit at which the leaders of Russia and Japan are supposed to meet?',
		answer: 'Osaka',
		type: 'place',
		statement:
			'The G20 summit where the leaders of Russia and Japan are supposed to meet is in {answer}.',
		quote: G20
	},
	{
		id: 'g20-mutual-trust',
		topic: 'politics',
		question: 'In the run-up to the G20 summit, what is Tokyo interested in improving with Moscow?',
		answer: 'mutual trust',
		type: 'phrase',
		accept: ['trust'],
		statement: 'Before the G20 summit, Tokyo is interested in improving {answer} with Moscow.',
		quote: G20,
		kinds: RECALL
	},
	{
		id: 'abe-who',
		topic: 'politics',
		question:
			'According to the article, for whom is it important to stave off an outright foreign policy failure in his dealings with Russia?',
		answer: 'Abe',
		type: 'person',
		statement:
			'For {answer}, it is important to stave off an outright foreign policy failure in dealings with Russia.',
		quote: ABE,
		kinds: WHO
	},
	{
		id: 'abe-failure',
		topic: 'politics',
		question: 'What is it important for Abe to stave off in his dealings with Russia?',
		answer: 'an outright foreign policy failure',
		type: 'phrase',
		accept: ['a foreign policy failure', 'foreign policy failure', 'failure'],
		statement: 'Abe needs to stave off {answer} in his dealings with Russia.',
		quote: ABE,
		cloze: 'outright foreign policy failure',
		kinds: RECALL
	},
	{
		id: 'upper-house-elections',
		topic: 'politics',
		question:
			'When are the upcoming elections to the upper house of parliament that matter to Abe?',
		answer: 'July',
		type: 'date',
		statement: 'The upcoming elections to the upper house of parliament are in {answer}.',
		quote: ABE
	},
	{
		id: 'upper-house',
		topic: 'politics',
		question:
			'Elections to which house of parliament are upcoming, making a failure with Russia risky for Abe?',
		answer: 'the upper house',
		type: 'phrase',
		accept: ['upper'],
		statement: 'Elections to {answer} of parliament are upcoming.',
		quote: ABE,
		kinds: RECALL
	},
	{
		id: 'abe-north-korea',
		topic: 'politics',
		question:
			'Improving interaction with Russia on which country, “a sensitive matter for Japan”, would help Abe?',
		answer: 'North Korea',
		type: 'country',
		accept: ['the DPRK', 'DPRK'],
		statement:
			'Improving interaction with Russia on {answer}, a sensitive matter for Japan, would help Abe.',
		quote: ABE_GAINS,
		kinds: RECALL
	},
	{
		id: 'economic-ties',
		topic: 'politics',
		question:
			'Cooperation in developing which resources does the article name among economic ties with Russia?',
		answer: 'oil and gas',
		type: 'phrase',
		accept: [
			'gas and oil',
			'oil and gas and other natural resources',
			'oil, gas and other natural resources'
		],
		statement:
			'Economic ties include cooperation in developing {answer} and other natural resources.',
		quote: ABE_GAINS,
		kinds: RECALL
	},
	{
		id: 'abe-conservative-base',
		topic: 'politics',
		question: 'In whose eyes would better interaction with Russia allow Abe to justify himself?',
		answer: 'his conservative base',
		type: 'phrase',
		accept: ['the conservative base', 'conservative base', 'conservatives'],
		statement:
			'Better ties with Russia would allow Abe to justify himself in the eyes of {answer}.',
		quote: ABE_GAINS,
		cloze: 'conservative base',
		kinds: RECALL
	},
	{
		id: 'russia-motive-west',
		topic: 'politics',
		question:
			'According to Kristina Voda, what does Russia want to prevent the West from further doing?',
		answer: 'consolidating its position on the anti-Russian platform',
		type: 'phrase',
		accept: [
			'consolidating',
			'consolidating its position',
			'consolidating on the anti-Russian platform'
		],
		statement: 'Russia wants to prevent the West from further {answer}.',
		quote: RUSSIA_MOTIVE,
		cloze: 'consolidating its position on the anti-Russian platform',
		kinds: READ
	},
	{
		id: 'japan-as-bridge',
		topic: 'politics',
		question:
			'Besides an “agent of influence”, what does Russia use Japan as in dialogue with Western countries?',
		answer: 'a bridge',
		type: 'phrase',
		statement: 'Russia uses Japan as {answer} in dialogue with Western countries.',
		quote: RUSSIA_MOTIVE,
		cloze: 'bridge',
		kinds: RECALL
	},
	{
		id: 'japan-as-agent',
		topic: 'politics',
		question:
			'Besides a “bridge”, what does Russia use Japan as in dialogue with Western countries?',
		answer: 'an agent of influence',
		type: 'phrase',
		statement: 'Russia uses Japan as {answer} in dialogue with Western countries.',
		quote: RUSSIA_MOTIVE,
		cloze: 'agent of influence',
		kinds: RECALL
	},
	{
		id: 'collective-west',
		topic: 'politics',
		question:
			'With what could the two-plus-two format help Russia establish contacts, bilaterally and multilaterally?',
		answer: 'a “collective West”',
		type: 'phrase',
		accept: ['collective West', 'the collective West'],
		statement: 'The two-plus-two format could help Russia establish contacts with {answer}.',
		quote: COLLECTIVE_WEST,
		cloze: 'collective West',
		kinds: RECALL
	},
	{
		id: 'east-asia-cooperation',
		topic: 'politics',
		question:
			'In which region are the United States and its allies interested in security cooperation with Moscow?',
		answer: 'East Asia',
		type: 'region',
		statement:
			'The United States and its allies are interested in security cooperation with Moscow in {answer}.',
		quote: COLLECTIVE_WEST,
		kinds: RECALL
	},

	// North Korea.
	{
		id: 'korea-sanctions-country',
		topic: 'korea',
		question: 'The two sides differ on sanctions imposed on which country?',
		answer: 'North Korea',
		type: 'country',
		accept: ['the DPRK', 'DPRK'],
		statement: 'Russia and Japan differ on the sanctions imposed on {answer}.',
		quote: SANCTIONS,
		cloze: 'DPRK',
		explanation: 'The article calls it the DPRK here and North Korea elsewhere.',
		kinds: RECALL
	},
	{
		id: 'korea-russia-sanctions',
		topic: 'korea',
		question: 'What does Russia advocate on the sanctions imposed on the DPRK?',
		answer: 'their gradual lifting',
		type: 'sanctions-stance',
		accept: [
			'gradual lifting',
			'lifting them gradually',
			'gradually lifting them',
			'the gradual lifting of sanctions'
		],
		statement: 'On the sanctions imposed on the DPRK, Russia advocates {answer}.',
		quote: SANCTIONS,
		cloze: 'gradual lifting',
		// Two stances only: no fair mcq, but each is plainly the other side's.
		kinds: ['typed', 'truefalse', 'cloze', 'basic']
	},
	{
		id: 'korea-japan-sanctions',
		topic: 'korea',
		question: 'What is Japan’s stance on the sanctions imposed on the DPRK?',
		answer: 'tightening them as much as possible',
		type: 'sanctions-stance',
		accept: [
			'tightening them',
			'tightening',
			'tighten them as much as possible',
			'maximum tightening'
		],
		statement: 'On the sanctions imposed on the DPRK, Japan is for {answer}.',
		quote: SANCTIONS,
		cloze: 'tightening them as much as possible',
		kinds: ['typed', 'truefalse', 'cloze', 'basic']
	},
	{
		id: 'korea-very-close',
		topic: 'korea',
		question:
			'Despite the different approaches on Korea, how did Lavrov describe the Russian position compared with Japan’s?',
		answer: 'very close',
		type: 'phrase',
		accept: ['very close to Japan’s', 'close'],
		statement: 'Lavrov said the Russian position is {answer} to the one adopted by Japan.',
		quote: VERY_CLOSE,
		explanation: 'He said so at a news conference.',
		kinds: RECALL
	},
	{
		id: 'korea-denuclearization',
		topic: 'korea',
		question: 'What did the parties agree to continue to cooperate in?',
		answer: 'denuclearizing the Korean Peninsula',
		type: 'phrase',
		accept: [
			'denuclearization of the Korean Peninsula',
			'denuclearising the Korean Peninsula',
			'denuclearisation of the Korean Peninsula',
			'denuclearization',
			'denuclearizing Korea'
		],
		statement: 'The parties agreed to continue to cooperate in {answer}.',
		quote:
			'Notably, the parties agreed to continue to cooperate in denuclearizing the Korean Peninsula.',
		kinds: RECALL
	},

	// Iran.
	{
		id: 'iran-friendly-relations',
		topic: 'iran',
		question:
			'Russia gave a positive assessment of Japan’s efforts to build friendly relations with which country?',
		answer: 'Iran',
		type: 'country',
		statement:
			'Russia gave a positive assessment of Japan’s efforts to build friendly relations with {answer}.',
		quote: IRAN,
		// Not mcq or true/false: the other countries would make claims the article neither makes nor denies.
		kinds: RECALL
	},
	{
		id: 'iran-assessment',
		topic: 'iran',
		question: 'How did Russia assess Japan’s efforts to build friendly relations with Iran?',
		answer: 'positively',
		type: 'phrase',
		accept: ['positive', 'a positive assessment'],
		statement: 'Russia assessed Japan’s efforts to build friendly relations with Iran {answer}.',
		quote: IRAN,
		cloze: 'positive',
		kinds: RECALL
	},
	{
		id: 'iran-moral-support',
		topic: 'iran',
		question:
			'What kind of support does Russia give to Japan’s mediatory efforts between the US and Iran?',
		answer: 'moral support',
		type: 'phrase',
		accept: ['moral'],
		statement: 'Russia gives {answer} to Japan’s mediatory efforts.',
		quote: IRAN_SUPPORT,
		kinds: RECALL
	},
	{
		id: 'iran-mediation',
		topic: 'iran',
		question:
			'Japan makes mediatory efforts to normalize relations between Iran and which country?',
		answer: 'the United States',
		type: 'country',
		accept: ['US', 'USA', 'United States of America'],
		statement: 'Japan makes mediatory efforts to normalize relations between Iran and {answer}.',
		quote: IRAN_SUPPORT,
		cloze: 'US-Iran',
		// Not mcq: Iran itself would be among the choices.
		kinds: RECALL
	},
	{
		id: 'iran-nuclear-problem',
		topic: 'iran',
		question:
			'Besides normalizing US-Iran relations, what do Japan’s mediatory efforts aim to resolve?',
		answer: 'the Iranian nuclear problem',
		type: 'phrase',
		accept: ['Iran’s nuclear problem', 'the Iran nuclear problem', 'Iranian nuclear issue'],
		statement: 'Japan’s mediatory efforts aim at resolving {answer}.',
		quote: IRAN_SUPPORT,
		cloze: 'Iranian nuclear problem',
		kinds: RECALL
	},
	{
		id: 'iran-junior-partner',
		topic: 'iran',
		question:
			'Russia’s support lets Japan feel a full-fledged player in international politics rather than what?',
		answer: 'a junior partner of the United States',
		type: 'phrase',
		accept: ['junior partner', 'a junior partner', 'a junior partner of the US'],
		statement: 'Russia’s support lets Japan feel a full-fledged player rather than {answer}.',
		quote: IRAN_SUPPORT,
		cloze: 'junior partner',
		kinds: RECALL
	},

	// Contacts between the militaries.
	{
		id: 'military-contacts-decision',
		topic: 'military-contacts',
		question: 'What did the two sides decide about contacts between their militaries?',
		answer: 'to continue and expand them',
		type: 'phrase',
		accept: [
			'continue and expand',
			'continue and expand them',
			'continue and expand contacts',
			'to continue and expand contacts'
		],
		statement: 'The two sides decided {answer}.',
		quote:
			'The decision to continue and expand contacts between the militaries of the two countries was symbolic.',
		cloze: 'continue and expand',
		explanation: 'Kristina Voda calls the decision symbolic.',
		kinds: RECALL
	},
	{
		id: 'sarex-name',
		topic: 'military-contacts',
		question: 'What are the Russia–Japan search and rescue exercises at sea called?',
		answer: 'Sarex-2019',
		type: 'name',
		accept: ['Sarex 2019', 'Sarex', 'Sarex2019'],
		statement: 'The Russia–Japan search and rescue exercises are called {answer}.',
		quote: SAREX,
		explanation: 'Sarex stands for Search and Rescue Exercises.',
		kinds: RECALL
	},
	{
		id: 'sarex-focus',
		topic: 'military-contacts',
		question: 'What will the Sarex-2019 exercises focus on?',
		answer: 'search and rescue operations at sea',
		type: 'phrase',
		accept: [
			'search and rescue at sea',
			'search and rescue',
			'search and rescue operations',
			'sea search and rescue'
		],
		statement: 'The Sarex-2019 exercises will focus on {answer}.',
		quote: SAREX,
		kinds: RECALL
	},
	{
		id: 'sarex-place',
		topic: 'military-contacts',
		question: 'Where will the Russia–Japan Sarex-2019 exercises be held?',
		answer: 'Peter the Great Bay',
		type: 'place',
		statement: 'The Russia–Japan Sarex-2019 exercises will be held in {answer}.',
		quote: SAREX
	},
	{
		id: 'sarex-when',
		topic: 'military-contacts',
		question: 'When will the Sarex-2019 exercises be held?',
		answer: 'mid-June',
		type: 'date',
		statement: 'The Sarex-2019 exercises will be held in Peter the Great Bay in {answer}.',
		quote: SAREX,
		// Not mcq or true/false: the other dates are years long past for an exercise named 2019.
		kinds: RECALL
	},
	{
		id: 'navy-chief-who',
		topic: 'military-contacts',
		question:
			'Which Commander-in-Chief of the Russian Navy will visit Japan in the second half of the year?',
		answer: 'Nikolai Yevmenov',
		type: 'person',
		accept: ['Admiral Nikolai Yevmenov', 'Admiral Yevmenov'],
		statement:
			'{answer}, Commander-in-Chief of the Russian Navy, will visit Japan in the second half of the year.',
		quote: NAVY_CHIEF,
		kinds: WHO
	},
	{
		id: 'navy-chief-post',
		topic: 'military-contacts',
		question: 'Which post does Admiral Nikolai Yevmenov hold?',
		answer: 'Commander-in-Chief of the Russian Navy',
		type: 'navy-post',
		accept: [
			'Commander in Chief of the Russian Navy',
			'commander of the Russian Navy',
			'head of the Russian Navy',
			'Russian Navy commander'
		],
		statement: 'Admiral Nikolai Yevmenov is {answer}.',
		quote: NAVY_CHIEF,
		kinds: RECALL
	},
	{
		id: 'navy-chief-when',
		topic: 'military-contacts',
		question: 'When will Admiral Nikolai Yevmenov visit Japan?',
		answer: 'in the second half of the year',
		type: 'period',
		accept: ['the second half of the year', 'second half of the year', 'second half'],
		statement: 'Admiral Nikolai Yevmenov will visit Japan {answer}.',
		quote: NAVY_CHIEF,
		cloze: 'second half of the year',
		kinds: RECALL
	},
	{
		id: 'navy-chief-years',
		topic: 'military-contacts',
		question:
			'Yevmenov’s visit will be the first by a Commander-in-Chief of the Russian Navy in how many years?',
		answer: '18',
		type: 'years',
		accept: ['18 years', 'eighteen years'],
		statement:
			'It will be the first visit to Japan by a Commander-in-Chief of the Russian Navy in {answer} years.',
		quote: NAVY_CHIEF,
		kinds: RECALL
	},
	{
		id: 'shoigu-garrison',
		topic: 'military-contacts',
		question:
			'In which garrison did Sergei Shoigu visit a combat command of Japan’s Self-Defense Forces?',
		answer: 'the Asaka garrison',
		type: 'place',
		accept: ['Asaka'],
		statement:
			'Sergei Shoigu visited the combat command of the ground forces of Japan’s Self-Defense Forces in {answer}.',
		quote: SHOIGU_VISIT,
		// Not mcq or true/false: it would be the only garrison among the choices, and the article does
		// not say where the garrison lies, so a false statement could be accidentally true.
		kinds: RECALL
	},
	{
		id: 'shoigu-ground-forces',
		topic: 'military-contacts',
		question:
			'The combat command of which forces of Japan’s Self-Defense Forces did Sergei Shoigu visit?',
		answer: 'the ground forces',
		type: 'phrase',
		accept: ['ground forces', 'ground'],
		statement:
			'Sergei Shoigu visited the combat command of {answer} of Japan’s Self-Defense Forces.',
		quote: SHOIGU_VISIT,
		cloze: 'ground forces',
		kinds: RECALL
	},
	{
		id: 'shoigu-first-visit',
		topic: 'military-contacts',
		question: 'Whose visit to the Asaka garrison was the first such visit by a Defense Minister?',
		answer: 'Sergei Shoigu',
		type: 'person',
		statement:
			'{answer}’s visit to the Asaka garrison was the first such visit by a Defense Minister.',
		quote: SHOIGU_VISIT,
		explanation: 'Kristina Voda calls the visit quite symbolic.',
		kinds: WHO
	},
	{
		id: 'shoigu-first-what',
		topic: 'military-contacts',
		question:
			'What made Sergei Shoigu’s visit to the Asaka garrison notable, according to the article?',
		answer: 'it was the first such visit by a Defense Minister',
		type: 'phrase',
		statement: 'Shoigu’s visit was notable because {answer}.',
		quote: SHOIGU_VISIT,
		cloze: 'the first such visit by a Defense Minister',
		kinds: READ
	},

	// The source.
	{
		id: 'voda-author',
		topic: 'source',
		question:
			'Who wrote the second piece, “Ministers of Foreign Affairs and Defence of the Russian Federation Visit Japan”?',
		answer: 'Kristina Voda',
		type: 'person',
		statement:
			'{answer} wrote the piece “Ministers of Foreign Affairs and Defence of the Russian Federation Visit Japan”.',
		quote:
			'Ministers of Foreign Affairs and Defence of the Russian Federation Visit Japan\nKristina Voda',
		kinds: ['mcq', 'typed', 'truefalse', 'basic']
	},
	{
		id: 'first-piece-title',
		topic: 'source',
		question: 'What is the title of the first piece, the one before Kristina Voda’s?',
		answer: 'Two Plus Two Equals What? The Outcome of the Russia-Japan Meeting',
		type: 'title',
		statement: 'The first piece is called “{answer}”.',
		quote: 'Two Plus Two Equals What? The Outcome of the Russia-Japan Meeting',
		cloze: 'Equals What?',
		kinds: READ
	}
];

const deck: FactDeckSpec = {
	id: 'russia-japan-2plus2',
	title: 'Russia–Japan two-plus-two in Tokyo',
	description:
		'Who met, what each side objected to, and what was agreed at the Russia–Japan meeting of foreign and defence ministers: the format’s history, security views, the Kurils, Korea, Iran and military contacts.',
	version: 2,
	language: 'en',
	source: {
		title: 'Two Plus Two Equals What? The Outcome of the Russia-Japan Meeting'
	},
	facts
};

export default deck;
