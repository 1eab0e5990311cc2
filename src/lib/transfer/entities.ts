/** The Latin-1 named entities, in code-point order from U+00A0 (nbsp) to U+00FF (yuml). */
const LATIN1 =
	'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn ' +
	'sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave ' +
	'Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
	'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN ' +
	'szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute ' +
	'icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
	'yacute thorn yuml';

/** Entities outside Latin-1 that card text (from Anki's editor, mostly) commonly holds. */
const OTHERS: Record<string, number> = {
	amp: 0x26,
	lt: 0x3c,
	gt: 0x3e,
	quot: 0x22,
	apos: 0x27,
	OElig: 0x152,
	oelig: 0x153,
	Scaron: 0x160,
	scaron: 0x161,
	Yuml: 0x178,
	fnof: 0x192,
	circ: 0x2c6,
	tilde: 0x2dc,
	ensp: 0x2002,
	emsp: 0x2003,
	thinsp: 0x2009,
	zwnj: 0x200c,
	zwj: 0x200d,
	ndash: 0x2013,
	mdash: 0x2014,
	lsquo: 0x2018,
	rsquo: 0x2019,
	sbquo: 0x201a,
	ldquo: 0x201c,
	rdquo: 0x201d,
	bdquo: 0x201e,
	dagger: 0x2020,
	Dagger: 0x2021,
	bull: 0x2022,
	hellip: 0x2026,
	permil: 0x2030,
	prime: 0x2032,
	Prime: 0x2033,
	lsaquo: 0x2039,
	rsaquo: 0x203a,
	euro: 0x20ac,
	trade: 0x2122,
	larr: 0x2190,
	uarr: 0x2191,
	rarr: 0x2192,
	darr: 0x2193,
	harr: 0x2194,
	rArr: 0x21d2,
	hArr: 0x21d4,
	minus: 0x2212,
	radic: 0x221a,
	infin: 0x221e,
	ne: 0x2260,
	le: 0x2264,
	ge: 0x2265,
	asymp: 0x2248,
	equiv: 0x2261,
	sum: 0x2211,
	prod: 0x220f,
	part: 0x2202,
	int: 0x222b,
	isin: 0x2208,
	empty: 0x2205,
	forall: 0x2200,
	exist: 0x2203,
	and: 0x2227,
	or: 0x2228,
	cap: 0x2229,
	cup: 0x222a,
	sub: 0x2282,
	sup: 0x2283,
	loz: 0x25ca,
	spades: 0x2660,
	clubs: 0x2663,
	hearts: 0x2665,
	diams: 0x2666,
	Alpha: 0x391,
	alpha: 0x3b1,
	beta: 0x3b2,
	gamma: 0x3b3,
	Delta: 0x394,
	delta: 0x3b4,
	epsilon: 0x3b5,
	theta: 0x3b8,
	lambda: 0x3bb,
	mu: 0x3bc,
	pi: 0x3c0,
	Pi: 0x3a0,
	sigma: 0x3c3,
	Sigma: 0x3a3,
	tau: 0x3c4,
	phi: 0x3c6,
	omega: 0x3c9,
	Omega: 0x3a9
};

const NAMED = new Map<string, number>(Object.entries(OTHERS));
LATIN1.split(' ').forEach((name, i) => NAMED.set(name, 0xa0 + i));

const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

function fromCode(code: number): string | undefined {
	// NUL, surrogates, controls and non-characters are not text a card can show.
	if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
	if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code < 0xa0)) return '';
	return String.fromCodePoint(code);
}

/**
 * Decodes HTML character references once: `&amp;` to `&`, `&#233;` to `é`. Unknown names are left
 * as they are (the caller decides what to do with them).
 * @example decodeEntities('caf&eacute; &amp; cr&#232;me') // 'café & crème'
 */
export function decodeEntities(text: string): string {
	return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
		if (name !== undefined) {
			const code = NAMED.get(name) ?? NAMED.get(name.toLowerCase());
			return code === undefined ? whole : String.fromCodePoint(code);
		}
		const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
		return fromCode(code) ?? '\ufffd';
	});
}
