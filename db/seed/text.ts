/**
 * Writes one demo story: headline, standfirst, a Markdown body with sub-headings, a list and a block quote,
 * and a hero caption. Only the Random passed in decides the words, so a story depends on nothing but the seed.
 */
import { FORMAT_PACKS } from './formats';
import type { Random } from './random';
import { capitalise, createFiller, type Filler } from './templates';
import type { FormatPack, ListTemplate, StoryFormat, Topic } from './topic';
import { GENERIC_HEADINGS, GENERIC_LIST_INTROS, GENERIC_SENTENCES, OPENERS, QUOTE_VERBS, TOPICAL_SENTENCES } from './vocabulary';

export type Story = { headline: string; dek: string; body: string; heroCaption: string };

export const MIN_BODY_WORDS = 500;
export const MAX_BODY_WORDS = 1500;

const LEDES = [
  '{Lead}, {leadRole}, has been drawn into a growing row over {focus}.',
  '{Focus} has come under fresh scrutiny, with {lead}, {leadRole}, at the centre of the argument.',
  '{Lead}, {leadRole}, set out a new position on {focus} on {day}, in a move likely to reshape the debate.',
  'The argument over {focus} took a fresh turn on {day}, when {lead}, {leadRole}, broke a long silence on the subject.',
  'Questions about {focus} are multiplying, and {lead}, {leadRole}, is expected to answer them.',
];

/** An opinion piece opens with the writer's own voice, then brings in the person the argument is about. */
const OPINION_INTRODUCTIONS = [
  'Take {focus}, and the case made for it by {lead}, {leadRole}.',
  'The latest to weigh in is {lead}, {leadRole}, whose intervention this week was revealing.',
  'Consider how {lead}, {leadRole}, has talked about {focus} in recent weeks.',
];

/** Words a reader would count: Markdown markers ("##", "-", ">", "1.") are not words. */
export function countWords(markdown: string): number {
  return markdown.split(/\s+/).filter((token) => /[A-Za-z0-9]/.test(token)).length;
}

type Source = 'topic' | 'format' | 'topical' | 'generic' | 'grammar' | 'quote';

/** How much of each kind of sentence a format uses: news reports, reviews judge, the rest argue. */
const MIX: Record<StoryFormat, Record<Source, number>> = {
  news: { topic: 35, topical: 25, generic: 15, grammar: 10, quote: 15, format: 0 },
  analysis: { topic: 25, format: 20, topical: 20, generic: 20, grammar: 5, quote: 10 },
  explainer: { topic: 30, format: 20, topical: 20, generic: 15, grammar: 5, quote: 10 },
  opinion: { topic: 20, format: 30, topical: 20, generic: 20, grammar: 5, quote: 5 },
  review: { format: 100, topic: 0, quote: 0, topical: 0, generic: 0, grammar: 0 },
};

/** "{actor} {verb} {subject}" sentences are the least natural, so a story gets only a few. */
const MAX_GRAMMAR_SENTENCES = 6;

/** Deals each item once, in random order, then reports exhaustion: no sentence appears twice in a story. */
function deck<T>(random: Random, items: readonly T[]): () => T | undefined {
  const pile = random.shuffle(items);
  return () => pile.pop();
}

/** The topic's own pack for a format, extended with the lines any story of that format can use. */
function packFor(topic: Topic, format: StoryFormat): FormatPack | undefined {
  const own = topic.formats?.[format];
  const shared = FORMAT_PACKS[format];
  if (!own || !shared) return own ?? shared;
  return {
    headlines: own.headlines.length > 0 ? own.headlines : shared.headlines,
    deks: [...own.deks, ...shared.deks],
    headings: [...own.headings, ...shared.headings],
    sentences: [...own.sentences, ...shared.sentences],
    lists: own.lists ?? shared.lists,
  };
}

class StoryWriter {
  private readonly random: Random;
  private readonly decks: Record<Exclude<Source, 'grammar'>, () => string | undefined>;
  private readonly openers: () => string | undefined;
  private grammarSentences = 0;
  /** Who holds which job in this story, so the finance minister is the same person in every paragraph. */
  private readonly cast = new Map<string, string>();
  private readonly introduced = new Set<string>();

  constructor(
    private readonly filler: Filler,
    private readonly format: StoryFormat,
  ) {
    this.random = filler.random;
    const { topic } = filler;
    this.decks = {
      topic: deck(this.random, topic.sentences),
      format: deck(this.random, packFor(topic, format)?.sentences ?? []),
      topical: deck(this.random, TOPICAL_SENTENCES),
      generic: deck(this.random, GENERIC_SENTENCES),
      quote: deck(this.random, topic.quotes),
    };
    this.openers = deck(this.random, OPENERS);
    this.cast.set(filler.lead.role, filler.lead.name);
  }

  sentence(): string | undefined {
    const mix = { ...MIX[this.format] };
    if (this.grammarSentences >= MAX_GRAMMAR_SENTENCES) mix.grammar = 0;
    for (;;) {
      const sources = (Object.keys(mix) as Source[]).filter((key) => mix[key] > 0);
      // Every deck spent (only in the longest stories): fall back on the endlessly varied grammar sentences,
      // except in a review, where they would read as news; it ends a little early instead.
      if (sources.length === 0) return this.format === 'review' ? undefined : this.grammarSentence();
      const source = this.random.weighted(sources, (key) => mix[key]);
      if (source === 'grammar') return this.grammarSentence();
      const template = this.decks[source]();
      if (template === undefined) {
        mix[source] = 0;
        continue;
      }
      return source === 'quote' ? this.quoteSentence(template) : capitalise(this.filler.fill(template));
    }
  }

  private grammarSentence(): string {
    this.grammarSentences++;
    // An opener or a tail, not both: "On Sunday, ... on Wednesday" is what two time phrases tend to produce.
    const opener = this.random.chance(0.5) ? this.filler.fill(this.openers() ?? '') : '';
    const clause = this.filler.fill(opener ? '{actor} {verb} {subject}.' : '{actor} {verb} {subject}{tail}.');
    return opener ? opener + clause : capitalise(clause);
  }

  /** A source for a quote: the lead more often than not, otherwise someone else with a job in the story. */
  private speaker(): { name: string; role: string } {
    const { lead, topic } = this.filler;
    if (this.random.chance(0.55)) return lead;
    const roles = topic.roles.map((role) => this.filler.fill(role)).filter((role) => role !== lead.role);
    const role = roles.length > 0 ? this.random.pick(roles) : lead.role;
    const name = this.cast.get(role) ?? this.filler.person();
    this.cast.set(role, name);
    return { name, role };
  }

  /** Full name and job the first time someone appears, surname after that. */
  private mention(person: { name: string; role: string }): { text: string; isFirst: boolean } {
    if (this.introduced.has(person.name)) return { text: person.name.split(' ').slice(1).join(' '), isFirst: false };
    this.introduced.add(person.name);
    return { text: `${person.name}, ${person.role}`, isFirst: true };
  }

  private quoteSentence(template: string): string {
    const quote = capitalise(this.filler.fill(template));
    const { text, isFirst } = this.mention(this.speaker());
    const verb = this.random.pick(QUOTE_VERBS);
    // "said Thorne" reads naturally; "told this newspaper Thorne" does not.
    if (verb === 'said' && this.random.chance(0.6)) return `“${quote},” said ${text}.`;
    return `“${quote},” ${text}${isFirst ? ',' : ''} ${verb}.`;
  }

  paragraph(...opening: string[]): string {
    const sentences = [...opening];
    const size = this.random.int(3, 6);
    while (sentences.length < size) {
      const sentence = this.sentence();
      if (sentence === undefined) break;
      sentences.push(sentence);
    }
    return sentences.join(' ');
  }

  lede(): string {
    const fill = (template: string) => capitalise(this.filler.fill(template));
    if (this.format === 'review') return this.paragraph(fill(this.decks.format() ?? ''));
    // Both ledes and opinion introductions name the lead with their job; after that the surname will do.
    this.introduced.add(this.filler.lead.name);
    if (this.format === 'opinion') return this.paragraph(fill(this.decks.format() ?? ''), fill(this.random.pick(OPINION_INTRODUCTIONS)));
    return this.paragraph(fill(this.random.pick(LEDES)));
  }

  blockQuote(): string {
    const quote = capitalise(this.filler.fill(this.decks.quote() ?? this.random.pick(this.filler.topic.quotes)));
    const { name, role } = this.speaker();
    this.introduced.add(name);
    return `> “${quote}.”\n>\n> — ${name}, ${role}`;
  }

  list(): string {
    const lists = packFor(this.filler.topic, this.format)?.lists ?? this.filler.topic.lists;
    const template: ListTemplate = this.random.pick(lists);
    const intro = this.random.chance(0.8) ? template.intro : this.random.pick(GENERIC_LIST_INTROS);
    // One fill for all the items, so repeated slots ("{place}: down {pct}") name different things.
    const items = this.filler.fill(template.items.join('\n')).split('\n');
    const ordered = template.ordered ?? (this.format === 'explainer' && this.random.chance(0.5));
    const lines = items.map((item, index) => `${ordered ? `${index + 1}.` : '-'} ${capitalise(item)}`);
    return `${capitalise(this.filler.fill(intro))}\n\n${lines.join('\n')}`;
  }

  headings(count: number): string[] {
    const { topic } = this.filler;
    const pack = this.format === 'news' ? undefined : packFor(topic, this.format);
    const pool = !pack ? [...topic.headings, ...GENERIC_HEADINGS] : this.format === 'review' ? pack.headings : [...pack.headings, ...topic.headings];
    const distinct = [...new Set(pool.map((heading) => this.filler.fill(heading)))];
    return this.random.sample(distinct, count);
  }
}

/** Most stories are a few hundred words; features run longer; reviews stay short. */
function wordBudget(random: Random, format: StoryFormat): number {
  // A review has fewer sentences to draw on than a news story, so it stops before it would repeat itself.
  if (format === 'review') return random.int(MIN_BODY_WORDS + 30, 700);
  const band = random.weighted(
    [
      { weight: 55, min: MIN_BODY_WORDS + 40, max: 850 },
      { weight: 33, min: 850, max: 1150 },
      { weight: 12, min: 1150, max: MAX_BODY_WORDS - 150 },
    ],
    (candidate) => candidate.weight,
  );
  return random.int(band.min, band.max);
}

/** Splits a word budget over the sections of the body, each of which gets at least one paragraph. */
function writeBody(writer: StoryWriter, random: Random, format: StoryFormat): string {
  const target = wordBudget(random, format);
  const headings = writer.headings(random.int(2, 4));
  const listAt = random.int(0, headings.length - 1);
  const quoteAt = (listAt + random.int(1, headings.length - 1)) % headings.length;
  const list = writer.list();
  const quote = writer.blockQuote();

  const intro = [writer.lede(), writer.paragraph()];
  const sections = headings.map((heading) => ({ heading: `## ${heading}`, paragraphs: [] as string[] }));
  let words = countWords([...intro, list, quote, ...sections.map((section) => section.heading)].join('\n'));
  for (let turn = 0; words < target || turn < sections.length; turn++) {
    const paragraph = writer.paragraph();
    if (!paragraph && turn >= sections.length) break;
    sections[turn % sections.length]?.paragraphs.push(paragraph);
    words += countWords(paragraph);
  }
  // A paragraph runs to 180 words, so the last one can overshoot the ceiling: take whole paragraphs back.
  while (words > MAX_BODY_WORDS) {
    const longest = sections.reduce((a, b) => (b.paragraphs.length > a.paragraphs.length ? b : a));
    if (longest.paragraphs.length < 2) break;
    words -= countWords(longest.paragraphs.pop() ?? '');
  }

  const blocks = [...intro];
  sections.forEach((section, index) => {
    const [first = '', ...rest] = section.paragraphs;
    blocks.push(section.heading, first);
    if (index === listAt) blocks.push(list);
    if (index === quoteAt) blocks.push(quote);
    blocks.push(...rest);
  });
  return blocks.filter(Boolean).join('\n\n');
}

const sentenceCount = (text: string) => text.split(/[.?!]["”]?(?:\s|$)/).filter((part) => part.trim()).length;

/** One or two sentences: two one-sentence standfirsts are sometimes joined, a two-sentence one stands alone. */
function writeDek(filler: Filler, deks: readonly string[]): string {
  const [first, second] = filler.random.sample(deks, 2).map((dek) => capitalise(filler.fill(dek)));
  if (!first) return '';
  return second && sentenceCount(first) === 1 && sentenceCount(second) === 1 && filler.random.chance(0.5) ? `${first} ${second}` : first;
}

export type StoryOptions = {
  /** Fixes story-wide slots ({ title: 'Low Tide' }), so the caller can keep two reviews off the same work. */
  pins?: Record<string, string>;
  /** Headlines already in use: a few more are tried before settling for a repeat. */
  isHeadlineTaken?: (headline: string) => boolean;
};

const HEADLINE_ATTEMPTS = 8;

export function generateStory(random: Random, topic: Topic, format: StoryFormat, options: StoryOptions = {}): Story {
  const filler = createFiller(random, topic, options.pins);
  const pack = format === 'news' ? undefined : packFor(topic, format);
  const writer = new StoryWriter(filler, format);

  const writeHeadline = () => capitalise(filler.fill(random.pick(pack?.headlines ?? topic.headlines)));
  let headline = writeHeadline();
  for (let attempt = 1; attempt < HEADLINE_ATTEMPTS && options.isHeadlineTaken?.(headline); attempt++) headline = writeHeadline();
  const dek = writeDek(filler, pack?.deks ?? topic.deks);
  const body = writeBody(writer, random, format);
  const heroCaption = capitalise(filler.fill(random.pick(topic.captions)));
  return { headline, dek, body, heroCaption };
}
