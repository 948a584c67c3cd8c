/**
 * Word lists used by the detectors. Written for QuoteLens; all lower-case unless stated.
 * They describe English news prose in general, never a particular article.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s*\|\s*|\n+/).map((w) => w.trim()).filter(Boolean));

/** Lemmas of speech verbs; inflections are produced by `speechVerbForms`. */
const SPEECH_VERB_LEMMAS = [
  'say', 'tell', 'add', 'warn', 'claim', 'insist', 'vow', 'state', 'explain', 'write', 'note', 'argue',
  'declare', 'announce', 'suggest', 'stress', 'emphasise', 'emphasize', 'ask', 'answer', 'reply', 'respond',
  'comment', 'remark', 'describe', 'call', 'label', 'dub', 'term', 'brand', 'report', 'posit', 'predict',
  'promise', 'pledge', 'admit', 'acknowledge', 'concede', 'confirm', 'deny', 'tweet', 'urge', 'demand',
  'request', 'express', 'discuss', 'mention', 'recall', 'quip', 'joke', 'boast', 'complain', 'lament',
  'caution', 'contend', 'maintain', 'assert', 'observe', 'agree', 'conclude', 'reiterate', 'repeat',
  'accuse', 'hail', 'praise', 'slam', 'blast', 'threaten', 'cry', 'shout', 'whisper', 'recount',
  'testify', 'allege', 'proclaim', 'announce', 'counter', 'retort', 'scoff', 'sneer', 'wonder', 'muse',
  'chime', 'continue', 'elaborate', 'clarify', 'characterise', 'characterize', 'reckon', 'declare',
  'estimate', 'post', 'plead', 'pronounce', 'speculate', 'summarise', 'summarize', 'quote', 'cite',
  'decry', 'insist', 'echo', 'affirm', 'underline', 'underscore', 'highlight', 'signal',
  'liken', 'condemn', 'denounce', 'dismiss', 'chant', 'bark', 'mock', 'ridicule', 'lambast', 'criticise',
  'criticize', 'vow', 'attack', 'read', 'sing', 'yell', 'scream', 'snap', 'thunder', 'tout', 'brag', 'gush', 'concur', 'rail',
  'surmise', 'marvel', 'opine', 'gripe', 'chide', 'scold', 'snipe', 'fume', 'reason', 'fret', 'rant', 'exclaim', 'interject', 'laud',
];

const IRREGULAR: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'written', 'writing'],
  cry: ['cry', 'cries', 'cried', 'crying'],
  deny: ['deny', 'denies', 'denied', 'denying'],
  reply: ['reply', 'replies', 'replied', 'replying'],
  testify: ['testify', 'testifies', 'testified', 'testifying'],
  clarify: ['clarify', 'clarifies', 'clarified', 'clarifying'],
  label: ['label', 'labels', 'labelled', 'labeled', 'labelling', 'labeling'],
  dub: ['dub', 'dubs', 'dubbed', 'dubbing'],
  quip: ['quip', 'quips', 'quipped', 'quipping'],
  echo: ['echo', 'echoes', 'echoed', 'echoing'],
  sing: ['sing', 'sings', 'sang', 'sung', 'singing'],
  read: ['reads', 'read'],
  snap: ['snap', 'snaps', 'snapped', 'snapping'],
  concur: ['concur', 'concurs', 'concurred', 'concurring'],
  bark: ['bark', 'barks', 'barked', 'barking'],
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  brag: ['brag', 'brags', 'bragged', 'bragging'],
  marvel: ['marvel', 'marvels', 'marveled', 'marvelled', 'marveling', 'marvelling'],
  fret: ['fret', 'frets', 'fretted', 'fretting'],
};

function inflect(lemma: string): string[] {
  const irregular = IRREGULAR[lemma];
  if (irregular) return irregular;
  const forms = [lemma];
  if (lemma.endsWith('e')) forms.push(lemma + 's', lemma + 'd', lemma.slice(0, -1) + 'ing');
  else if (/(s|sh|ch|x|z)$/.test(lemma)) forms.push(lemma + 'es', lemma + 'ed', lemma + 'ing');
  else if (/[^aeiou]y$/.test(lemma)) forms.push(lemma.slice(0, -1) + 'ies', lemma.slice(0, -1) + 'ied', lemma + 'ing');
  else forms.push(lemma + 's', lemma + 'ed', lemma + 'ing');
  // One short vowel before a final consonant doubles it: slam → slammed, slamming.
  if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(lemma)) forms.push(lemma + lemma.slice(-1) + 'ed', lemma + lemma.slice(-1) + 'ing');
  return forms;
}

/** Every inflected speech-verb form → its lemma. */
export const SPEECH_VERBS: ReadonlyMap<string, string> = new Map(
  SPEECH_VERB_LEMMAS.flatMap((lemma) => inflect(lemma).map((form) => [form, lemma] as const)),
);


/** Multi-word cues kept whole (lower-case, single spaces). Matched before single verbs. */
export const PHRASE_CUES: readonly string[] = [
  'told reporters', 'tells reporters', 'told journalists', 'tells journalists', 'told the press',
  'told a press conference', 'told a news conference', 'told a briefing', 'told a news briefing',
  'told lawmakers', 'told parliament', 'told the crowd', 'told supporters', 'told an audience',
  'made it clear', 'makes it clear', 'making it clear', 'has made clear', 'made clear',
  'called for', 'calls for', 'calling for', 'pointed out', 'points out', 'went on', 'goes on',
  'spoke of', 'speaks of', 'wrote on', 'said in a statement', 'said in a post', 'rallying cry',
  'according to', 'quoted her as saying', 'quoted him as saying', 'quoted them as saying',
  'quoted her as telling', 'quoted him as telling', 'put it', 'summed up',
  'shot back', 'fired back', 'hit back', 'cut in', 'weighed in', 'chimed in',
];

/** Nouns that frame a quote when owned by a speaker ("Starmer's rallying cry for Europe to 'step up'"). */
export const NOMINAL_CUES: ReadonlySet<string> = set(
  'rallying cry | call | calls | vow | pledge | warning | demand | plea | promise | appeal | message | statement | remarks | comments | word | words | claim | assertion | insistence | description | characterisation | description | verdict | slogan | mantra | motto | catchphrase | phrase | term | label',
);

export const HONORIFICS: ReadonlySet<string> = set(
  'mr | mr. | mrs | mrs. | ms | ms. | miss | dr | dr. | sir | dame | lord | lady | baroness | baron | gen. | gen | general | lt. | col. | colonel | maj. | major | capt. | captain | adm. | admiral | sgt. | sen. | rep. | del. | gov. | prof. | professor | rev. | reverend | father | sister | rabbi | imam | sheikh | prince | princess | king | queen | pope | cardinal | archbishop | bishop | judge | justice',
);
/** Honorifics that stay part of a person mention (the rest are office titles). */
export const MENTION_HONORIFICS: ReadonlySet<string> = set(
  'mr | mr. | mrs | mrs. | ms | ms. | miss | dr | dr. | sir | dame | lord | lady | baroness | baron | gen. | lt. | col. | maj. | capt. | adm. | sgt. | sen. | rep. | del. | gov. | prof. | rev.',
);

/** Office and job titles (lower-case words; multi-word titles are sequences of these). */
export const TITLE_WORDS: ReadonlySet<string> = set(
  'president | vice | prime | minister | chancellor | secretary | premier | pm | foreign | defence | defense | interior | finance | state | deputy | chief | spokesman | spokeswoman | spokesperson | envoy | ambassador | senator | congressman | congresswoman | governor | mayor | leader | head | director | chairman | chairwoman | chair | ceo | commander | general | admiral | mp | mep | speaker | advisor | adviser | security | national | attorney | treasury | health | trade | economy | chief-of-staff | special | representative | commissioner | of | the | house | majority | minority | opposition | party | army | navy | air | force | military | former | then | acting | top | senior | white | press | counsel | justice | judge | king | queen | prince | princess | pope | emperor | sultan | monarch | strategist | analyst | professor | economist | founder | executive | officer | editor | correspondent | colonel | lieutenant | captain | sergeant | foreign-minister | crown | supreme | high | auditor | comptroller | inspector | marshal | field | engineer | lawyer | doctor | nurse | teacher | scientist | researcher | author | writer | journalist | reporter | activist | farmer | councillor | councilor | manager | coach | pilot | lawmaker | candidate | nominee | official | diplomat | negotiator | aide | adviser | consultant | expert | historian | poet | novelist | sheriff | alderman | alderwoman | councilman | councilwoman | superintendent | treasurer | assemblyman | assemblywoman',
);

/** Nominal role heads that can refer back to a person ("the PM", "the premier", "the French President"). */
export const ROLE_NOUNS: ReadonlyMap<string, string> = new Map([
  ['pm', 'prime minister'], ['premier', 'prime minister'], ['prime minister', 'prime minister'],
  ['president', 'president'], ['chancellor', 'chancellor'], ['minister', 'minister'],
  ['foreign minister', 'minister'], ['defence secretary', 'secretary'], ['defense secretary', 'secretary'],
  ['secretary', 'secretary'], ['spokesman', 'spokesman'], ['spokeswoman', 'spokesman'], ['spokesperson', 'spokesman'],
  ['envoy', 'envoy'], ['ambassador', 'ambassador'], ['senator', 'senator'], ['governor', 'governor'],
  ['mayor', 'mayor'], ['general', 'general'], ['leader', 'leader'], ['chief', 'chief'], ['king', 'king'],
  ['queen', 'queen'], ['pope', 'pope'], ['minister', 'minister'], ['chairman', 'chairman'], ['ceo', 'ceo'],
]);

/** Person descriptions that can speak without a name ("the businessman replied", "a doctor said"). */
export const PERSON_NOUNS: ReadonlySet<string> = set(
  'businessman | businesswoman | nominee | candidate | governor | senator | congressman | congresswoman | friend | questioner | reporter | doctor | woman | man | official | spokesman | spokeswoman | spokesperson | lawmaker | voter | resident | mother | father | son | daughter | wife | husband | widow | neighbour | neighbor | teacher | student | lawyer | attorney | aide | adviser | advisor | strategist | analyst | economist | expert | professor | researcher | scientist | activist | protester | supporter | critic | veteran | soldier | officer | detective | judge | prosecutor | witness | victim | survivor | owner | worker | employee | executive | manager | founder | chairman | chairwoman | president | minister | mayor | sheriff | chief | commander | host | anchor | pollster | organizer | organiser | campaigner | volunteer | nurse | patient | fan | player | coach | farmer | priest | pastor | bishop | rabbi | imam | billionaire | businessperson | frontrunner | front-runner | incumbent | challenger | republican | democrat | conservative | liberal | diplomat | envoy | ambassador | source | insider | official | person | mogul | tycoon | commenter | commentator | columnist | blogger | author | writer | historian | scholar | demographer | physician | surgeon | pastor | narrator | announcer | user | poster | netizen',
);

/** Documents that "say" things ("the letter reads", "the statement noted"). */
export const DOCUMENT_NOUNS: ReadonlySet<string> = set(
  'letter | statement | ruling | memo | book | ad | advert | advertisement | clip | website | release | filing | complaint | lawsuit | transcript | tweet | video | study | survey | poll | editorial | article | story | document | indictment | petition | op-ed | column | email | banner | caption | manifesto | communique | communiqué | report | brief | message | sign | order | agency | department | ministry | committee | commission | company | firm | campaign | court | council | board | administration | government',
);

/** Nominal heads that refer back to a publication or agency ("the publication reported"). */
export const MEDIA_NOUNS: ReadonlySet<string> = set('publication | paper | newspaper | outlet | broadsheet | tabloid | agency | network | broadcaster | daily | magazine | report | site | website');

/** Collective heads that speak as a group ("officials said", "sources quoted her"). */
export const GROUP_NOUNS: ReadonlySet<string> = set(
  'officials | sources | leaders | diplomats | analysts | experts | critics | lawmakers | legislators | ministers | aides | advisers | advisors | insiders | observers | economists | investigators | prosecutors | police | authorities | residents | protesters | protestors | activists | campaigners | witnesses | scientists | researchers | doctors | negotiators | commanders | generals | spokespeople | representatives | members | voters | allies | europeans | americans | supporters | opponents | executives | people | organisers | organizers | regulators',
);

export const PRONOUNS_MALE: ReadonlySet<string> = set('he | him | his');
export const PRONOUNS_FEMALE: ReadonlySet<string> = set('she | her | hers');

/** Words that can be capitalised at a sentence start or in headlines but are not names. */
export const CAPITALISED_STOPWORDS: ReadonlySet<string> = set(
  'the | a | an | and | but | or | yet | so | for | nor | if | when | while | whether | although | though | because | as | at | by | in | on | of | to | from | with | without | after | before | during | since | until | into | over | under | between | among | about | against | per | via | this | that | these | those | there | here | it | its | he | she | they | we | i | you | his | her | their | our | my | your | him | them | us | me | who | whom | whose | which | what | where | why | how | all | some | any | many | much | more | most | few | several | both | each | every | no | not | none | nobody | nothing | one | other | another | such | only | also | even | still | already | now | then | however | meanwhile | moreover | furthermore | indeed | instead | otherwise | thus | therefore | hence | so | unfortunately | fortunately | perhaps | maybe | today | yesterday | tomorrow | tonight | last | next | following | after | aside | responding | visiting | boosting | speaking | asked | according | despite | amid | including | like | unlike | regarding | want | read | contact | hit | follow | plurality | whether | per | mr | mrs | ms | dr | sir | lord | lady | dame | do | does | did | is | are | was | were | be | been | has | have | had | will | would | can | could | should | must | may | might | shall | let | please | yes | oh | well | just | first | second | third | new | old | big | great | good | bad | former | late | early | both | either | neither | drones | continuing | later | earlier | again | finally | separately | previously | recently | currently | initially | ultimately | eventually | overall | together | elsewhere | nonetheless | nevertheless | besides | additionally | similarly | likewise | specifically | notably | importantly | officially | publicly | privately | under | during | once | soon | back | inside | outside | across | near | around | behind | above | below | within | without | today | british | european | american | russian | ukrainian | french | german | italian | spanish | polish | dutch | swedish | western | eastern | northern | southern | armed | forces',
);

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7],
  ['august', 8], ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9],
  ['sept', 9], ['oct', 10], ['nov', 11], ['dec', 12],
]);
export const WEEKDAYS: ReadonlySet<string> = set('monday | tuesday | wednesday | thursday | friday | saturday | sunday');

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13],
  ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18],
  ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60],
  ['seventy', 70], ['eighty', 80], ['ninety', 90], ['hundred', 100], ['thousand', 1000],
  ['million', 1e6], ['billion', 1e9], ['trillion', 1e12], ['dozen', 12],
]);
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
  ['bn', 1e9], ['m', 1e6], ['k', 1e3], ['mn', 1e6], ['tn', 1e12],
]);
export const CURRENCY_WORDS: ReadonlySet<string> = set(
  'pounds | pound | dollars | dollar | euros | euro | yen | yuan | rupees | rupee | roubles | rubles | rouble | ruble | francs | franc | pesos | peso | hryvnias | hryvnia | zloty | kronor | krona | crowns | lira | won | shekels | dinars | riyals | rand | sterling',
);
export const CURRENCY_SYMBOLS = '$€£¥₹₽₴';
export const TIME_UNITS: ReadonlySet<string> = set(
  'second | seconds | minute | minutes | hour | hours | day | days | week | weeks | month | months | year | years | decade | decades | century | centuries | fortnight | fortnights',
);

/** Words that end the search for a figure's counted noun. */
export const UNIT_STOPWORDS: ReadonlySet<string> = set(
  'of | in | on | at | to | for | with | from | by | into | over | under | about | than | as | and | or | but | who | which | that | whom | whose | it | they | he | she | we | them | him | you | would | will | could | should | can | may | might | must | is | are | was | were | be | been | has | have | had | do | does | did | only | more | less | each | per | a | an | the | this | these | those | such | its | their | his | her | our | not | if | while | so | out | up | off | ago | later | earlier | before | after | said | says | say | also | still | already | yet | there | here | now | then | when | where | how | what | why',
);


/** Capitalised words before a number that make it part of a name or identifier ("Article Five"). */
export const IDENTIFIER_HEADS: ReadonlySet<string> = set('article | chapter | section | title | clause | flight | apollo | formula | page | room | route | resolution | no. | number | act | amendment | phase | stage | level | class | type | version | model | mark | gate | terminal | platform | highway | interstate | district | ward | unit | squad | world war | covid | group | g | channel');

export const RELATIVE_PRONOUNS: ReadonlySet<string> = set('who | which | that | whom | whose | where | when');
export const SUBJECT_PRONOUNS: ReadonlySet<string> = set('i | we | you | he | she | it | they | there | this | that | these | those | nobody | everybody | everyone | someone | somebody | anyone | nothing | everything | something | one | none | what | who');
export const FINITE_AUX: ReadonlySet<string> = set(
  "is | are | was | were | am | has | have | had | will | would | can | could | should | must | may | might | shall | do | does | did | cannot | can't | won't | don't | doesn't | didn't | isn't | aren't | wasn't | weren't | hasn't | haven't | hadn't | wouldn't | couldn't | shouldn't | mustn't | needs | seems | appears | remains | becomes | looks | feels | says | said | takes | took | goes | went | gives | gave | comes | came | gets | got | knows | knew | thinks | thought | believes | believed | wants | wanted",
);
/** Verb-like first words of a fragment that has lost its subject ("'was the only way'", "“means being ready”"). */
export const PREDICATE_STARTS: ReadonlySet<string> = set(
  'is | are | was | were | be | been | being | has | have | had | having | will | would | can | could | should | must | may | might | shall | do | does | did | doing | not | to | means | mean | meant | yield | yields | had | cannot | won’t | won\'t | don’t | don\'t | change | changes | make | makes | take | takes | get | gets | give | gives | go | goes | become | becomes | remain | remains | seem | seems | need | needs | want | wants | stand | stands | help | helps | let | lets | keep | keeps | put | puts | bring | brings | leave | leaves | show | shows | provide | provides | offer | offers | allow | allows | require | requires | include | includes | play | plays | step | steps | pose | poses',
);

/** Country names (and common variants, capitals used as metonyms) → canonical country name. */
export const COUNTRIES: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const add = (canonical: string, ...variants: string[]): void => {
    m.set(canonical, canonical);
    for (const v of variants) m.set(v, canonical);
  };
  add('United Kingdom', 'UK', 'U.K.', 'Britain', 'Great Britain', 'British', 'London', 'Downing Street', 'Whitehall');
  add('United States', 'US', 'U.S.', 'USA', 'U.S.A.', 'America', 'American', 'Americans', 'Washington', 'United States of America');
  add('Russia', 'Russian Federation', 'Moscow', 'Kremlin', 'the Kremlin', 'Russians');
  add('Ukraine', 'Kyiv', 'Kiev', 'Ukrainians');
  add('Germany', 'Berlin', 'German', 'Germans');
  add('France', 'Paris', 'French', 'Élysée', 'Elysee');
  add('Italy', 'Rome', 'Italian', 'Italians');
  add('Spain', 'Madrid', 'Spanish');
  add('Poland', 'Warsaw', 'Polish', 'Poles');
  add('Netherlands', 'the Netherlands', 'Holland', 'Dutch', 'The Hague');
  add('Sweden', 'Stockholm', 'Swedish', 'Swedes');
  add('China', 'Beijing', 'Chinese');
  add('Japan', 'Tokyo', 'Japanese');
  add('India', 'New Delhi', 'Indian');
  add('Canada', 'Ottawa', 'Canadian');
  add('Australia', 'Canberra', 'Australian');
  add('Turkey', 'Türkiye', 'Ankara', 'Turkish');
  add('Iran', 'Tehran', 'Iranian');
  add('Israel', 'Jerusalem', 'Israeli');
  add('Saudi Arabia', 'Riyadh', 'Saudi');
  add('North Korea', 'Pyongyang');
  add('South Korea', 'Seoul');
  add('Belarus', 'Minsk');
  add('Hungary', 'Budapest', 'Hungarian');
  add('Romania', 'Bucharest');
  add('Finland', 'Helsinki', 'Finnish');
  add('Norway', 'Oslo', 'Norwegian');
  add('Denmark', 'Copenhagen', 'Danish');
  add('Belgium', 'Brussels');
  add('Austria', 'Vienna');
  add('Switzerland', 'Bern', 'Swiss');
  add('Greece', 'Athens', 'Greek');
  add('Portugal', 'Lisbon');
  add('Ireland', 'Dublin', 'Irish');
  add('Czech Republic', 'Czechia', 'Prague');
  add('Slovakia', 'Bratislava');
  add('Estonia', 'Tallinn');
  add('Latvia', 'Riga');
  add('Lithuania', 'Vilnius');
  add('Mexico', 'Mexico City');
  add('Brazil', 'Brasília', 'Brasilia');
  add('Argentina', 'Buenos Aires');
  add('Egypt', 'Cairo');
  add('South Africa', 'Pretoria');
  add('Nigeria', 'Abuja');
  add('Pakistan', 'Islamabad');
  add('Afghanistan', 'Kabul');
  add('Iraq', 'Baghdad');
  add('Syria', 'Damascus');
  add('Qatar', 'Doha');
  add('Georgia', 'Tbilisi');
  add('Moldova', 'Chisinau');
  add('Serbia', 'Belgrade');
  add('Croatia', 'Zagreb');
  add('Bulgaria', 'Sofia');
  add('New Zealand', 'Wellington');
  add('Venezuela', 'Caracas');
  add('Cuba', 'Havana');
  add('Taiwan', 'Taipei');
  add('Vietnam', 'Hanoi');
  add('Indonesia', 'Jakarta');
  add('Europe', 'Europeans');
  add('Japan');
  for (const c of ['Kenya', 'Ethiopia', 'Morocco', 'Algeria', 'Tunisia', 'Libya', 'Sudan', 'Yemen', 'Jordan', 'Lebanon', 'Kuwait', 'Oman', 'Bahrain', 'Armenia', 'Azerbaijan', 'Kazakhstan', 'Uzbekistan', 'Chile', 'Peru', 'Colombia', 'Ecuador', 'Bolivia', 'Uruguay', 'Paraguay', 'Thailand', 'Malaysia', 'Singapore', 'Philippines', 'Bangladesh', 'Sri Lanka', 'Nepal', 'Myanmar', 'Cambodia', 'Iceland', 'Luxembourg', 'Malta', 'Cyprus', 'Slovenia', 'Albania', 'Montenegro', 'Kosovo', 'Bosnia', 'North Macedonia', 'Ghana', 'Senegal', 'Somalia', 'Rwanda', 'Uganda', 'Tanzania', 'Zimbabwe', 'Angola', 'Mozambique', 'Denmark']) add(c);
  return m;
})();

/** Demonym adjectives used before titles ("German Chancellor", "French President"). */
export const DEMONYMS: ReadonlySet<string> = set(
  'british | american | russian | ukrainian | french | german | italian | spanish | polish | dutch | swedish | chinese | japanese | indian | canadian | australian | turkish | iranian | israeli | saudi | european | western | us | u.s. | uk | u.k. | hungarian | finnish | norwegian | danish | belgian | austrian | swiss | greek | portuguese | irish | czech | slovak | estonian | latvian | lithuanian | mexican | brazilian | egyptian | korean | north | south | nato | eu | un',
);

/** Well-known organisations by surface form → canonical name and kind. */
export const ORGANISATIONS: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  const add = (canonical: string, ...variants: string[]): void => {
    m.set(canonical, canonical);
    for (const v of variants) m.set(v, canonical);
  };
  add('Reuters');
  add('Associated Press', 'AP', 'The Associated Press');
  add('Agence France-Presse', 'AFP');
  add('Bloomberg');
  add('The Washington Post', 'Washington Post', 'WaPo');
  add('The New York Times', 'New York Times', 'NYT');
  add('Financial Times', 'FT', 'The Financial Times');
  add('The Wall Street Journal', 'Wall Street Journal', 'WSJ');
  add('Daily Telegraph', 'The Telegraph', 'Telegraph', 'The Daily Telegraph');
  add('The Guardian', 'Guardian');
  add('The Times', 'Times of London');
  add('BBC', 'British Broadcasting Corporation');
  add('CNN');
  add('Fox News');
  add('NBC News', 'NBC');
  add('CBS News', 'CBS');
  add('ABC News', 'ABC');
  add('Politico');
  add('Axios');
  add('The Economist', 'Economist');
  add('Le Figaro', 'Figaro');
  add('Le Monde');
  add('Süddeutsche Zeitung', 'Sueddeutsche Zeitung');
  add('Der Spiegel', 'Spiegel');
  add('Bild');
  add('Die Welt');
  add('Daily Mail', 'Mail');
  add('The Independent');
  add('Sky News');
  add('Al Jazeera');
  add('TASS', 'Tass');
  add('RIA Novosti', 'RIA');
  add('Interfax');
  add('Xinhua');
  add('Breitbart', 'Breitbart London', 'Breitbart News');
  add('The Epoch Times', 'Epoch Times');
  add('The Hill');
  add('NPR');
  add('White House', 'the White House');
  add('Pentagon', 'the Pentagon');
  add('NATO', 'Nato', 'North Atlantic Treaty Organization');
  add('European Union', 'EU');
  add('European Commission', 'Commission');
  add('United Nations', 'UN', 'U.N.');
  add('State Department');
  add('Foreign Office');
  add('Kremlin Press Office');
  add('IMF', 'International Monetary Fund');
  add('World Bank');
  add('WHO', 'World Health Organization');
  add('Islamic State', 'ISIS', 'ISIL', 'Daesh');
  add('Hamas');
  add('Hezbollah');
  add('Taliban', 'the Taliban');
  add('Al Qaeda', 'al-Qaeda', 'al Qaeda');
  add('FBI');
  add('CIA');
  add('Congress');
  return m;
})();

/** Heads that make a capitalised sequence an organisation ("U.S. National Security Council"). */
export const ORG_HEADS: ReadonlySet<string> = set(
  'council | caucus | ministry | ministries | department | agency | committee | party | commission | office | embassy | court | bank | institute | university | times | post | journal | news | zeitung | herald | tribune | guardian | telegraph | gazette | press | service | services | corporation | corp | inc | ltd | group | company | foundation | association | union | federation | organisation | organization | authority | board | parliament | congress | senate | assembly | government | administration | army | navy | force | forces | police | network | channel | radio | television | tv | magazine | review | monitor | observer | express | mirror | mail | sun | star | daily | weekly | chronicle | examiner | inquirer | standard | independent | agency | bureau | cabinet | kremlin | pentagon | command | secretariat | observatory | center | centre | fund | alliance | coalition | movement | front | campaign | club | league | university | school | college | hospital | airlines | airways | motors | bbc | cnn | energy | holdings | industries | systems | technologies | technology | partners | capital | labs | pharma | pharmaceuticals | oil | gas | power | media | insurance | foods | solutions | international | global | limited | plc | llc | gmbh | ag | sa | enterprises | ventures | brands | logistics | shipping | railways | rail | telecom | communications | electric | steel | mining | resources | investments | trust | exchange | markets | studios | records | games | software | robotics | aerospace | defence | defense | security | health | healthcare | hospitals | clinic | utilities | water | transport | forum | institution',
);

/** Publication-like organisation heads: quotes from their own text make them speakers. */
export const MEDIA_HEADS: ReadonlySet<string> = set('times | post | journal | news | zeitung | herald | tribune | guardian | telegraph | gazette | press | figaro | monde | spiegel | bild | welt | mail | express | mirror | sun | observer | independent | economist | reuters | bloomberg | politico | axios | bbc | cnn | ap | afp | tass | interfax | xinhua | ft | wsj | nyt | breitbart | hill | npr');

/** Female first names, for pronoun agreement (a small general list). */
export const FEMALE_FIRST_NAMES: ReadonlySet<string> = set(
  'giorgia | giulia | ruth | ana | ines | olga | lena | marta | tara | ursula | kaja | kamala | hillary | angela | theresa | liz | nancy | marine | annalena | mette | sanna | jacinda | nikki | kristi | tulsi | karoline | pam | susie | elise | alexandria | elizabeth | mary | anne | ann | maria | marie | sarah | sara | emma | olivia | sophie | laura | julia | anna | helen | rachel | rebecca | victoria | catherine | kate | jane | joan | margaret | barbara | susan | linda | patricia | jennifer | jessica | michelle | melania | ivanka | kristen | amy | lisa | karen | nadia | yulia | olena | iryna | natalia | svetlana | maria | valentina | ekaterina | tatiana | agnieszka | beata | magdalena | kaja | roberta | christine | ségolène | segolene | priti | suella | yvette | rachel | angela | kemi | penny | liz | harriet | nicola | kirsty | claudia | dilma | cristina | indira | benazir | golda | aung | tsai ',
);

/** US states (lower-case): places, not people ("Columbus, Ohio, said"). */
export const US_STATES: ReadonlySet<string> = set(
  'alabama | alaska | arizona | arkansas | california | colorado | connecticut | delaware | florida | hawaii | idaho | illinois | indiana | iowa | kansas | kentucky | louisiana | maine | maryland | massachusetts | michigan | minnesota | mississippi | missouri | montana | nebraska | nevada | new hampshire | new jersey | new mexico | north carolina | north dakota | ohio | oklahoma | oregon | pennsylvania | rhode island | south carolina | south dakota | tennessee | texas | utah | vermont | virginia | washington state | west virginia | wisconsin | wyoming',
);

/** Abbreviations of US states written with a dot after a town ("Flint, Mich."). */
export const US_STATE_ABBREVIATIONS: ReadonlySet<string> = set(
  'ala | ariz | ark | calif | colo | conn | del | fla | ga | ill | ind | kan | kans | ky | la | md | mass | mich | minn | miss | mo | mont | neb | nev | okla | ore | pa | tenn | tex | va | vt | wash | wis | wyo',
);

/** Words that may stand between a speaker and the speech verb ("X has also said", "X separately told"). */
export const WORDS_BEFORE_SPEECH_VERB: ReadonlySet<string> = set(
  'also | later | then | has | had | have | previously | earlier | once | again | reportedly | would | will | could | is | was | were | are | recently | spoken | out | separately',
);
