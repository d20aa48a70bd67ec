/**
 * Word banks shared by every topic. The demo world is fictional on purpose: invented towns, countries and
 * people, so no generated sentence can be mistaken for a claim about a real person or place.
 */

export const FIRST_NAMES = [
  'Alys', 'Bram', 'Carys', 'Dev', 'Elin', 'Farid', 'Gwen', 'Hamish', 'Imogen', 'Jasper', 'Kezia', 'Lorcan',
  'Maren', 'Nikhil', 'Odette', 'Piers', 'Quinn', 'Rosalind', 'Soren', 'Tamsin', 'Ulric', 'Verity', 'Wilf',
  'Yasmin', 'Zeno', 'Anouk', 'Benedict', 'Cerys', 'Dominic', 'Esme', 'Florian', 'Hattie', 'Ines', 'Jonah',
  'Leonie', 'Malcolm', 'Nadia', 'Oren', 'Philippa', 'Rafe', 'Saskia', 'Teodor',
] as const;

export const SURNAMES = [
  'Ashdown', 'Brightwell', 'Castellan', 'Dunmore', 'Everleigh', 'Fairclough', 'Garrow', 'Holloway', 'Ibbotson',
  'Jessop', 'Kettering', 'Lomax', 'Merriweather', 'Nettleton', 'Okonjo', 'Penhaligon', 'Quarrie', 'Rendell',
  'Saltonstall', 'Thorne', 'Underhill', 'Vasquez-Reid', 'Wetherby', 'Yardley', 'Achterberg', 'Beaumont',
  'Corrigan', 'Delacourt', 'Eastwood', 'Farrant', 'Greenhalgh', 'Hartigan', 'Kowalczyk', 'Lindqvist-Hale',
  'Mabbott', 'Norcross', 'Oyelaran', 'Pemberton', 'Ravensworth', 'Strachan', 'Tregarthen', 'Voss',
] as const;

/** Invented towns of the home country. */
export const PLACES = [
  'Wrenford', 'Eastholm', 'Kestle Bay', 'Marlow Cross', 'Tillbury Vale', 'Saltmarsh', 'Greyhaven', 'Port Aldous',
  'Lowbridge', 'Ferrinton', 'Hollin Moor', 'Caddick', 'Ashcombe Quay', 'Northwold', 'Brindle Heath', 'Stannary',
] as const;

/** Invented countries for the World desk. */
export const COUNTRIES = [
  'Veloria', 'Kaldmark', 'Sorenne', 'Estrana', 'Lumara', 'Norvale', 'Qaresh', 'the Tarsin Republic',
  'Ostmere', 'Dravenia',
] as const;

export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export const SMALL_NUMBERS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;

/** Put in front of "{actor} {verb} {subject}" sentences; the empty ones make most such sentences start plainly. */
export const OPENERS = [
  '', '', '', '', 'On {day}, ', 'Earlier this week, ', 'By late afternoon, ', 'In a statement, ', 'Privately, ',
  'For now, ', 'Last month, ', 'Within hours, ', 'At a briefing in {place}, ', 'After a long meeting, ',
] as const;

export const TAILS = [
  '', '', '', ' on {day}', ' after weeks of negotiation', ', according to people familiar with the discussions',
  ' in a move that surprised some observers', ' at a meeting in {place}', ' for the second time this year',
  ' despite growing pressure', ', though details remain thin', ' in a letter seen by this newspaper',
] as const;

/** Newsroom sentences that fit any story. */
export const GENERIC_SENTENCES = [
  'It is not the first time the issue has surfaced, but it has rarely drawn this much attention.',
  'Several people involved spoke on condition of anonymity because the talks are continuing.',
  'Details of {focus} are expected to be published in full within weeks.',
  'The timing is awkward for {leadSurname}, who had hoped to spend the month on other priorities.',
  'Not everyone is convinced, and some of the sharpest criticism has come from allies.',
  'People in {place} have been watching closely, and many say they want answers rather than promises.',
  'The figures are disputed, and both sides have accused the other of cherry-picking.',
  'A spokesperson declined to comment further when contacted on {day}.',
  'What happens next depends on decisions that have not yet been taken.',
  'Those close to the process say a compromise is possible, though not guaranteed.',
  'The debate has exposed a gap between what is promised and what can be delivered.',
  'Supporters argue that the alternative would be slower and more expensive.',
  'Critics counter that the plan asks too much of people with the least room to adjust.',
  'The change would take effect in stages, starting in {place}.',
  'It remains unclear how many people will be affected, with estimates ranging widely.',
  'Some of the strongest reaction came from {place}, where the consequences will be felt first.',
  'For {leadSurname}, the coming weeks are likely to be decisive.',
  'The row shows little sign of fading, and further announcements are expected.',
  'Officials insist that the underlying numbers are sound, whatever the short-term noise.',
  'Similar efforts elsewhere have had mixed results, which both camps cite as evidence.',
  'A review is due to report before the end of the year.',
  'The uncertainty has left many people unsure how to plan.',
  'Asked whether the approach would change, {leadSurname} said only that the work would continue.',
  'The story has moved quickly since it first emerged {n} weeks ago.',
  'There is broad agreement that something must change, if not on what.',
  'Few expect the matter to be settled quickly.',
  'That, at least, is the theory; the practice may prove messier.',
  'Independent analysts have urged caution before drawing firm conclusions.',
] as const;

/**
 * Sentences that take the topic's own actors and subjects. Past tense throughout, so a singular actor ("the
 * regulator") and a plural one ("rail operators") both agree with the verb.
 */
export const TOPICAL_SENTENCES = [
  '{Actor} met in {place} on {day} to discuss {focus}.',
  'When {actor} last looked closely at {subject}, the conclusions were far from flattering.',
  'A memo seen by this newspaper suggested {actor} had doubts about {subject} as early as last year.',
  '{Person}, who has followed {focus} for years, said the mood had shifted in recent weeks.',
  '{Actor} spent much of {day} trying to play down the significance of the latest figures.',
  '{Actor} and {actor} have rarely agreed on {subject}, and this time was no different.',
  'By the end of the week, {actor} had quietly begun preparing for the possibility of a delay.',
  'Behind closed doors, {actor} argued that {focus} had been badly explained from the start.',
  'Asked about {focus} at an event in {place}, {leadSurname} chose words carefully.',
  'Those who have worked on {subject} say the hardest decisions were left until last.',
  '{Actor} {verb} {subject} in a closely argued submission running to {num} pages.',
  'The row over {focus} has drawn in {actor}, who until recently had stayed out of it.',
  '{Actor} wrote to {leadSurname} on {day} asking for a meeting.',
  'In {place}, {actor} complained of being given little warning.',
  'One person present described the meeting as “frank”; another called it “difficult”.',
  'The first public sign of trouble came {n} weeks ago, when {actor} {verb} {subject}.',
  '{Person}, a longtime observer of {subject}, said the episode was “entirely predictable”.',
  'Few people outside {place} had heard of {focus} a year ago; now it is hard to avoid.',
  '{Actor} insisted that nothing had been decided, though few took that at face value.',
  'The episode has left {actor} and {actor} eyeing each other warily.',
  'According to minutes of a meeting held in {place}, {actor} raised concerns about {subject} more than once.',
  'Even supporters of {focus} concede that the rollout has been clumsy.',
  'It was {actor}, not {leadSurname}, who first put {subject} on the agenda.',
  '{LeadSurname} is said to have been frustrated by the pace of progress on {subject}.',
  'What began as a dispute about {subject} has become a broader argument about trust.',
  'Much now depends on whether {actor} can be persuaded to back {focus}.',
  'At a packed meeting in {place} on {day}, the questions kept coming.',
  '{Person}, who lives in {place}, put it more bluntly: “We have heard all this before.”',
  'The fine print of {focus} runs to {num} pages, and much of the argument lies in it.',
  'It was the {ordinal} time in a year that {actor} had {verb} {subject}.',
  '{Actor} {verb} {subject}, but stopped short of calling for a change of course.',
  'A spokesperson for {actor} said the criticism was “unfair and unfounded”.',
  'Since then, {actor} kept a careful distance from {subject}.',
  'Internal estimates put the cost of {focus} at £{num}m, well above the figure made public.',
  'Talks between {actor} and {leadSurname} ended without agreement late on {day}.',
  'None of this was inevitable, according to {person}, who advised on an earlier version of {subject}.',
] as const;

export const GENERIC_HEADINGS = [
  'What happens next', 'The background', 'Reaction', 'The numbers', 'What critics say', 'A long road',
  'The view from {place}', 'Unanswered questions', 'How we got here', 'The wider picture',
] as const;

export const GENERIC_LIST_INTROS = [
  'The main points so far:',
  'Among the questions still to be answered:',
  'What we know at this stage:',
  'The key dates and figures:',
] as const;

export const QUOTE_VERBS = ['said', 'said', 'said', 'told this newspaper', 'added', 'argued', 'insisted'] as const;
