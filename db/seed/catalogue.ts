/** The demo site's fixed furniture: sections, tags and the topics each section writes about. */
import type { SectionSlug, Topic } from './topic';
import { CULTURE_TOPICS } from './topics-culture';
import { ECONOMY_TOPICS } from './topics-economy';
import { HEALTH_TOPICS } from './topics-health';
import { NEWS_AND_WORLD_TOPICS } from './topics-news-world';
import { POLITICS_TOPICS } from './topics-politics';
import { SCIENCE_TOPICS } from './topics-science';
import { SPORT_TOPICS } from './topics-sport';

export type SectionSpec = {
  slug: SectionSlug;
  name: string;
  description: string;
  /** Share of the demo's articles, so the front page looks like a real mix. */
  share: number;
};

export const SECTIONS: readonly SectionSpec[] = [
  { slug: 'news', name: 'News', description: 'The day\'s stories from around the country, as they happen.', share: 0.13 },
  { slug: 'politics', name: 'Politics', description: 'Parliament, parties and the decisions that shape public life.', share: 0.13 },
  { slug: 'business', name: 'Business', description: 'Markets, companies and the economy behind the household budget.', share: 0.12 },
  { slug: 'world', name: 'World', description: 'Diplomacy, trade and people on the move beyond our borders.', share: 0.1 },
  { slug: 'science', name: 'Science', description: 'Discoveries from the lab, the dig site and deep space.', share: 0.08 },
  { slug: 'technology', name: 'Technology', description: 'How software, data and start-ups are changing work and daily life.', share: 0.09 },
  { slug: 'culture', name: 'Culture', description: 'Film, books, music and theatre: news, interviews and reviews.', share: 0.11 },
  { slug: 'sport', name: 'Sport', description: 'Results, reaction and the stories behind the scoreline.', share: 0.11 },
  { slug: 'climate', name: 'Climate', description: 'Energy, weather and the natural world in a warming century.', share: 0.07 },
  { slug: 'health', name: 'Health', description: 'Hospitals, public health and the science of staying well.', share: 0.06 },
];

export type TagSpec = { slug: string; name: string; description: string };

export const TAGS: readonly TagSpec[] = [
  { slug: 'budget', name: 'Budget', description: 'Public spending, tax and the state of the public finances.' },
  { slug: 'local-government', name: 'Local government', description: 'Councils, local services and the people who run them.' },
  { slug: 'jobs', name: 'Jobs', description: 'Work, wages, hiring and lay-offs.' },
  { slug: 'parliament', name: 'Parliament', description: 'Votes, bills and committee rooms.' },
  { slug: 'public-health', name: 'Public health', description: 'The health of the population, from outbreaks to prevention.' },
  { slug: 'markets', name: 'Markets', description: 'Shares, bonds and what investors are betting on.' },
  { slug: 'climate-policy', name: 'Climate policy', description: 'Targets, laws and the politics of cutting emissions.' },
  { slug: 'inflation', name: 'Inflation', description: 'Prices, the cost of living and what drives them.' },
  { slug: 'elections', name: 'Elections', description: 'Campaigns, polls and results, national and local.' },
  { slug: 'education', name: 'Education', description: 'Schools, teachers, exams and learning.' },
  { slug: 'football', name: 'Football', description: 'Matches, managers, transfers and supporters.' },
  { slug: 'artificial-intelligence', name: 'Artificial intelligence', description: 'Machine learning, its uses and its risks.' },
  { slug: 'transport', name: 'Transport', description: 'Rail, roads, buses and the daily commute.' },
  { slug: 'diplomacy', name: 'Diplomacy', description: 'Summits, treaties and talks between governments.' },
  { slug: 'housing', name: 'Housing', description: 'Homes to buy and rent, and the policies behind them.' },
  { slug: 'interest-rates', name: 'Interest rates', description: 'Central bank decisions and the cost of borrowing.' },
  { slug: 'research', name: 'Research', description: 'How science gets done, funded and checked.' },
  { slug: 'hospitals', name: 'Hospitals', description: 'Wards, waiting lists and the people who staff them.' },
  { slug: 'trade', name: 'Trade', description: 'Tariffs, deals and the flow of goods across borders.' },
  { slug: 'crime', name: 'Crime', description: 'Policing, courts and justice.' },
  { slug: 'earnings', name: 'Earnings', description: 'Company results, profits and warnings.' },
  { slug: 'arts-funding', name: 'Arts funding', description: 'Grants, venues and who pays for culture.' },
  { slug: 'film', name: 'Film', description: 'Cinema, festivals and the film industry.' },
  { slug: 'music', name: 'Music', description: 'Albums, gigs, festivals and venues.' },
  { slug: 'startups', name: 'Start-ups', description: 'Young companies and the investors who back them.' },
  { slug: 'genetics', name: 'Genetics', description: 'Genes, genomes and the medicine built on them.' },
  { slug: 'space', name: 'Space', description: 'Missions, telescopes and the wider universe.' },
  { slug: 'migration', name: 'Migration', description: 'Refugees, visas and borders.' },
  { slug: 'renewable-energy', name: 'Renewable energy', description: 'Wind, solar and the grid that connects them.' },
  { slug: 'books', name: 'Books', description: 'Novels, prizes, libraries and publishing.' },
  { slug: 'flooding', name: 'Flooding', description: 'Storms, rivers and flood defences.' },
  { slug: 'cybersecurity', name: 'Cybersecurity', description: 'Hacks, breaches and how to defend against them.' },
  { slug: 'olympics', name: 'Olympic sports', description: 'Track, court and the road to the next Games.' },
  { slug: 'mental-health', name: 'Mental health', description: 'Wellbeing, services and support.' },
  { slug: 'cricket', name: 'Cricket', description: 'County, test and short-format cricket.' },
  { slug: 'tennis', name: 'Tennis', description: 'Tournaments, players and the grass-court season.' },
  { slug: 'vaccines', name: 'Vaccines', description: 'Immunisation programmes and the diseases they prevent.' },
  { slug: 'wildlife', name: 'Wildlife', description: 'Species, habitats and conservation.' },
  { slug: 'archaeology', name: 'Archaeology', description: 'Digs, finds and what they reveal about the past.' },
  { slug: 'theatre', name: 'Theatre', description: 'Plays, productions and the stages that host them.' },
];

export const TOPICS: readonly Topic[] = [
  ...NEWS_AND_WORLD_TOPICS,
  ...POLITICS_TOPICS,
  ...ECONOMY_TOPICS,
  ...SCIENCE_TOPICS,
  ...HEALTH_TOPICS,
  ...CULTURE_TOPICS,
  ...SPORT_TOPICS,
];

export function topicsOf(section: SectionSlug): Topic[] {
  return TOPICS.filter((topic) => topic.section === section);
}
