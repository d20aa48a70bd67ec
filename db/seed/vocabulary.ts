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

/** Put in front of "{actor} {verb} {subject}" sentences; the actor is lower-cased after them. */
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
