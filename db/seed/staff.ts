/** The demo newsroom's writers. Invented people; their addresses use the reserved example.org domain. */
import type { SectionSlug } from './topic';
import type { UserRole } from '../schema';

export type StaffMember = {
  name: string;
  jobTitle: string;
  bio: string;
  role: Extract<UserRole, 'contributor' | 'editor'>;
  /** Sections this person mostly writes for. */
  beats: readonly SectionSlug[];
  /** Writes most of the opinion pieces, whatever the section. */
  isColumnist?: boolean;
};

export const STAFF: readonly StaffMember[] = [
  {
    name: 'Helen Marchetti',
    jobTitle: 'Political editor',
    bio: 'Helen has covered four general elections and more budgets than she cares to count. Before joining the paper she reported from the council chamber in Wrenford. She writes a weekly briefing on what Parliament is really arguing about.',
    role: 'editor',
    beats: ['politics', 'news'],
  },
  {
    name: 'Daniel Okafor',
    jobTitle: 'Economics editor',
    bio: 'Daniel explains interest rates, inflation and the public finances for readers who would rather not read a spreadsheet. He trained as an economist and spent six years at a regional business weekly.',
    role: 'editor',
    beats: ['business', 'politics'],
  },
  {
    name: 'Ruth Calloway',
    jobTitle: 'Chief reporter',
    bio: 'Ruth leads the news desk\'s investigations, from court backlogs to the state of the railways. She has won two regional press awards for her work on local services.',
    role: 'editor',
    beats: ['news', 'health'],
  },
  {
    name: 'Samir Haddad',
    jobTitle: 'World affairs correspondent',
    bio: 'Samir reports on diplomacy, trade and migration. He has filed from more than thirty countries and speaks four languages, two of them well.',
    role: 'contributor',
    beats: ['world'],
  },
  {
    name: 'Ingrid Lindqvist',
    jobTitle: 'Science correspondent',
    bio: 'Ingrid writes about space missions, genetics and the people who spend their summers on archaeological digs. She has a doctorate in astrophysics and a weakness for a good footnote.',
    role: 'contributor',
    beats: ['science', 'climate'],
  },
  {
    name: 'Tom Barraclough',
    jobTitle: 'Technology reporter',
    bio: 'Tom covers artificial intelligence, cybersecurity and the start-ups that want to change how we work. He previously built software for a logistics company, which he says taught him to distrust demos.',
    role: 'contributor',
    beats: ['technology', 'business'],
  },
  {
    name: 'Aisha Rahman',
    jobTitle: 'Health correspondent',
    bio: 'Aisha reports on hospitals, public health and mental health services. She worked as a nurse for five years before moving into journalism.',
    role: 'contributor',
    beats: ['health', 'science'],
  },
  {
    name: 'Felix Moreau',
    jobTitle: 'Chief culture critic',
    bio: 'Felix reviews film, theatre and the occasional album. He has sat through more festival premieres than is probably healthy and still loves the moment the lights go down.',
    role: 'contributor',
    beats: ['culture'],
  },
  {
    name: 'Grace Adeyemi',
    jobTitle: 'Arts reporter',
    bio: 'Grace covers the business of culture: venues, funding and the people who keep the lights on. She also reviews new fiction.',
    role: 'contributor',
    beats: ['culture', 'news'],
  },
  {
    name: 'Owen Pritchard',
    jobTitle: 'Sports writer',
    bio: 'Owen has followed football, cricket and tennis from press boxes across the country. He played semi-professional football until his knees voted against it.',
    role: 'contributor',
    beats: ['sport'],
  },
  {
    name: 'Lucy Fenwick',
    jobTitle: 'Environment correspondent',
    bio: 'Lucy writes about climate policy, energy and the natural world. She grew up on a farm near Saltmarsh and still knows her birdsong.',
    role: 'contributor',
    beats: ['climate', 'world'],
  },
  {
    name: 'Marcus Webb',
    jobTitle: 'Columnist',
    bio: 'Marcus writes opinion columns on politics, money and modern life. He was a speechwriter before he was a journalist, and he has been apologising for it since.',
    role: 'contributor',
    beats: ['politics', 'business', 'technology'],
    isColumnist: true,
  },
];
